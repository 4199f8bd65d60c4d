import { databaseUnavailability } from "@atrium/core";
import { describe, expect, it } from "vitest";
import { createAdapter, postgresPoolConfig, providerOfUrl, redactUrl } from "./createAdapter.js";
import { mariadbUrl, mysqlDatabaseOf } from "./mariadbUrl.js";

describe("providerOfUrl", () => {
  it("recognises each supported database by its URL scheme", () => {
    expect(providerOfUrl("file:./demo.db")).toBe("sqlite");
    expect(providerOfUrl("postgresql://root@127.0.0.1/test")).toBe("postgresql");
    expect(providerOfUrl("postgres://root@127.0.0.1/test")).toBe("postgresql");
    expect(providerOfUrl("mysql://root@127.0.0.1/test")).toBe("mysql");
  });

  it("refuses other schemes without printing the password", () => {
    expect(() => providerOfUrl("mongodb://admin:hunter2@host/db")).toThrow(/admin:\*\*\*@host/);
    expect(() => providerOfUrl("mongodb://admin:hunter2@host/db")).not.toThrow(/hunter2/);
  });
});

describe("redactUrl", () => {
  it("keeps URLs without credentials unchanged", () => {
    expect(redactUrl("file:./x.db")).toBe("file:./x.db");
  });
});

describe("mariadbUrl", () => {
  it("turns a Prisma MySQL URL into the mariadb driver's, translating Prisma's parameters", () => {
    const url = new URL(
      mariadbUrl("mysql://app:p%40ss@db.local:3307/shop?connection_limit=5&connect_timeout=10&schema=x"),
    );
    expect(url.protocol).toBe("mariadb:");
    expect(url.username).toBe("app");
    expect(url.password).toBe("p%40ss");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      connectionLimit: "5",
      connectTimeout: "10000",
      allowPublicKeyRetrieval: "true",
      timezone: "Z",
    });
    expect(mysqlDatabaseOf("mysql://root@127.0.0.1/my%20shop")).toBe("my shop");
  });

  it("keeps what the URL sets itself", () => {
    const url = new URL(mariadbUrl("mariadb://root@h/db?allowPublicKeyRetrieval=false&timezone=%2B02:00"));
    expect(url.searchParams.get("allowPublicKeyRetrieval")).toBe("false");
    expect(url.searchParams.get("timezone")).toBe("+02:00");
  });

  it("refuses a URL without a database with a message that hides the password", () => {
    expect(() => mariadbUrl("mysql://root:hunter2@127.0.0.1:3306")).toThrow(
      /root:\*\*\*@.*names no database/,
    );
    expect(() => mariadbUrl("mysql://root:hunter2@127.0.0.1:3306")).not.toThrow(/hunter2/);
  });
});

describe("createAdapter for MySQL/MariaDB", () => {
  it("connects to the local server in UTC", async () => {
    const adapter = await (await createAdapter("mysql://root@127.0.0.1:3306/mysql")).connect();
    try {
      const result = await adapter.queryRaw({
        sql: "SELECT @@session.time_zone AS tz, DATABASE() AS db",
        args: [],
        argTypes: [],
      });
      expect(result.rows).toEqual([["+00:00", "mysql"]]);
    } finally {
      await adapter.dispose();
    }
  });
});

describe("createAdapter for PostgreSQL", () => {
  const jitOf = async (url: string) => {
    const adapter = await (await createAdapter(url)).connect();
    try {
      return (await adapter.queryRaw({ sql: "SHOW jit", args: [], argTypes: [] })).rows;
    } finally {
      await adapter.dispose();
    }
  };

  // A page counting 20 relations took 8 s on tables without statistics: compiling it, not running it (22 ms).
  it("opens sessions without JIT compilation, unless the URL sets options itself", async () => {
    expect(await jitOf("postgresql://postgres@127.0.0.1:5432/postgres")).toEqual([["off"]]);
    expect(await jitOf("postgresql://postgres@127.0.0.1:5432/postgres?options=-c%20jit%3Don")).toEqual([
      ["on"],
    ]);
  });

  it("sizes each server's pool with Prisma's connection_limit parameter", async () => {
    const backendsUsed = async (url: string) => {
      const adapter = await (await createAdapter(url)).connect();
      try {
        const sleep = {
          sql: "SELECT pg_backend_pid() AS pid, pg_sleep(0.2)::text AS slept",
          args: [],
          argTypes: [],
        };
        const results = await Promise.all([1, 2, 3, 4].map(() => adapter.queryRaw(sleep)));
        return new Set(results.map((result) => result.rows[0]?.[0])).size;
      } finally {
        await adapter.dispose();
      }
    };
    expect(await backendsUsed("postgresql://postgres@127.0.0.1:5432/postgres?connection_limit=2")).toBe(2);
    expect(await backendsUsed("postgresql://postgres@127.0.0.1:5432/postgres")).toBe(4);
    expect(() => postgresPoolConfig("postgresql://app:secret@db/shop?connection_limit=lots")).toThrow(
      "connection_limit=lots in 'postgresql://app:***@db/shop?connection_limit=lots' must be a whole number",
    );
  });
});

describe("statement time limits", () => {
  const cases = [
    {
      name: "PostgreSQL",
      url: "postgresql://postgres@127.0.0.1:5432/postgres",
      sleep: "SELECT pg_sleep(3)::text AS slept",
    },
    { name: "MariaDB", url: "mysql://root@127.0.0.1:3306/mysql", sleep: "SELECT SLEEP(3) AS slept" },
  ];
  for (const { name, url, sleep } of cases) {
    it(`${name}: a statement past statementTimeoutMs is stopped, said to be a time-out, and frees its connection`, async () => {
      const adapter = await (await createAdapter(url, { statementTimeoutMs: 300 })).connect();
      try {
        const started = Date.now();
        const failure = await adapter.queryRaw({ sql: sleep, args: [], argTypes: [] }).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(Date.now() - started).toBeLessThan(2500);
        expect(databaseUnavailability(failure)).toBe("timed_out");
        // The same pool answers the next statement at once.
        const next = await adapter.queryRaw({ sql: "SELECT 1 AS one", args: [], argTypes: [] });
        expect(Number(next.rows[0]?.[0])).toBe(1);
      } finally {
        await adapter.dispose();
      }
    }, 20_000);
  }

  it("leaves statements unlimited when no limit is set", async () => {
    const adapter = await (await createAdapter(cases[0]?.url ?? "")).connect();
    try {
      const result = await adapter.queryRaw({ sql: "SHOW statement_timeout", args: [], argTypes: [] });
      expect(result.rows).toEqual([["0"]]);
    } finally {
      await adapter.dispose();
    }
  });
});
