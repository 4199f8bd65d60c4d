import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { pushSchema } from "@atrium/prisma";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createUser, openUserDatabase } from "./commands/createUser.js";
import { ConfigError } from "./config/loadConfig.js";
import { type RunningServer, startServer } from "./startServer.js";

const demoSchemaPath = resolve(dirname(fileURLToPath(import.meta.url)), "../../../prisma/schema.prisma");
const folder = mkdtempSync(join(tmpdir(), "atrium-start-"));
const databaseUrl = `file:${join(folder, "app.db")}`;
const base = { schemaPath: demoSchemaPath, databaseUrl, port: 0, host: "127.0.0.1", webRoot: folder };
let server: RunningServer | undefined;

afterAll(async () => {
  await server?.close();
});

describe("startServer with the config's fields", () => {
  it("refuses to start when a rule names something the schema does not have", async () => {
    const start = startServer({ ...base, fields: { "Boook.title": "hidden" } });
    await expect(start).rejects.toBeInstanceOf(ConfigError);
    await expect(startServer({ ...base, fields: { "Boook.title": "hidden" } })).rejects.toThrow(
      "atrium.E001 unknown model 'Boook' in fields; did you mean 'Book'?",
    );
  });

  it("hides a configured field and shows a secret-named one configured visible", async () => {
    const users = await openUserDatabase(demoSchemaPath, databaseUrl);
    await createUser(users.store, {
      email: "boss@example.com",
      password: "a-long-password",
      isSuperuser: true,
    });
    await users.close();
    server = await startServer({
      ...base,
      fields: { "Customer.phone": "hidden", "customer.apiToken": "visible" },
    });
    const origin = server.url;
    const login = await fetch(`${origin}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin },
      body: JSON.stringify({ email: "boss@example.com", password: "a-long-password" }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const meta = (await (await fetch(`${origin}/api/meta`, { headers: { cookie } })).json()) as {
      models: { key: string; fields: { name: string }[] }[];
    };
    const customerFields = meta.models.find((model) => model.key === "customer")?.fields.map((f) => f.name);
    expect(customerFields).toContain("email");
    expect(customerFields).toContain("apiToken");
    expect(customerFields).not.toContain("phone");
  });

  it("prints atrium.W001 for a model nobody can create, and starts anyway; writeOnly silences it", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const warned = await startServer({ ...base, fields: { "Customer.phone": "hidden" } });
      try {
        expect((await fetch(`${warned.url}/healthz`)).status).toBe(200);
      } finally {
        await warned.close();
      }
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toContain(
        'atrium.W001 Staff.passwordHash is required, has no default and is hidden from everyone, so Staff records cannot be created in the admin; add "Staff.passwordHash": "writeOnly" to fields',
      );
      warn.mockClear();
      const quiet = await startServer({ ...base, fields: { "Staff.passwordHash": "writeOnly" } });
      await quiet.close();
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it("starts once the config says what atrium.W001 advised, for a Json secret as for a text one", async () => {
    const namesSchema = resolve(dirname(demoSchemaPath), "../packages/prisma/test/schemas/names.prisma");
    const names = { ...base, schemaPath: namesSchema, databaseUrl: `file:${join(folder, "names.db")}` };
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      await (await startServer(names)).close();
      const printed = String(warn.mock.calls[0]?.[0]);
      const advised = [...printed.matchAll(/add "([\w.]+)": "(\w+)" to fields/g)].map(([, key, access]) => [
        key,
        access,
      ]);
      expect(advised).toEqual([
        ["Credentials.secret", "visible"],
        ["APIKey.secretKey", "writeOnly"],
      ]);
      warn.mockClear();
      const followed = await startServer({ ...names, fields: Object.fromEntries(advised) });
      try {
        expect((await fetch(`${followed.url}/healthz`)).status).toBe(200);
      } finally {
        await followed.close();
      }
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});

describe("startServer with the config's models", () => {
  const own = { ...base, databaseUrl: `file:${join(folder, "models.db")}` };

  it("refuses to start with every problem of fields and models listed", async () => {
    const start = startServer({
      ...own,
      fields: { "Boook.title": "hidden" },
      models: { Book: { list: { columns: ["title", "titel"] } } },
    });
    await expect(start).rejects.toThrow(
      "The config has 2 problems:\n  atrium.E001 unknown model 'Boook' in fields; did you mean 'Book'?\n  atrium.E116 models.Book.list.columns[1]: 'titel' is neither a field of Book nor a column of list.computed; did you mean 'title'?",
    );
  });

  it("serves the options in the metadata and enforces them; prints atrium.W101 and starts anyway", async () => {
    const users = await openUserDatabase(demoSchemaPath, own.databaseUrl);
    await createUser(users.store, {
      email: "owner@example.com",
      password: "a-long-password",
      isSuperuser: true,
    });
    await users.close();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    let printed = "";
    const running = await startServer({
      ...own,
      fields: { "Staff.passwordHash": "writeOnly" },
      models: { Book: { pluralLabel: "Titles", actions: { delete: false } }, Customer: { hidden: true } },
    }).finally(() => {
      printed = String(warn.mock.calls[0]?.[0]);
      warn.mockRestore();
    });
    try {
      expect(printed).toContain("atrium.W101 models.Customer.hidden: CustomerProfile.customer");
      const origin = running.url;
      const login = await fetch(`${origin}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", origin },
        body: JSON.stringify({ email: "owner@example.com", password: "a-long-password" }),
      });
      const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      const meta = (await (await fetch(`${origin}/api/meta`, { headers: { cookie } })).json()) as {
        models: { key: string; labelPlural: string; permissions: Record<string, boolean> }[];
      };
      expect(meta.models.some((model) => model.key === "customer")).toBe(false);
      expect(meta.models.find((model) => model.key === "book")).toMatchObject({
        labelPlural: "Titles",
        permissions: { view: true, add: true, change: true, delete: false },
      });
      expect((await fetch(`${origin}/api/records/customer`, { headers: { cookie } })).status).toBe(404);
      const refused = await fetch(`${origin}/api/records/book/1`, {
        method: "DELETE",
        headers: { cookie, origin },
      });
      expect(refused.status).toBe(403);
    } finally {
      await running.close();
    }
  });
});

describe("startServer with the config's count bound", () => {
  it("counts a list exactly up to maxExactCount, then says it has at least that many", async () => {
    const counted = { ...base, databaseUrl: `file:${join(folder, "counts.db")}` };
    await pushSchema({ schemaText: readFileSync(demoSchemaPath, "utf8"), url: counted.databaseUrl });
    const users = await openUserDatabase(demoSchemaPath, counted.databaseUrl);
    await createUser(users.store, {
      email: "counter@example.com",
      password: "a-long-password",
      isSuperuser: true,
    });
    await users.close();
    const running = await startServer({
      ...counted,
      fields: { "Staff.passwordHash": "writeOnly" },
      maxExactCount: 2,
    });
    try {
      const origin = running.url;
      const login = await fetch(`${origin}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", origin },
        body: JSON.stringify({ email: "counter@example.com", password: "a-long-password" }),
      });
      const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      const headers = { cookie, origin, "content-type": "application/json" };
      const totalOfTags = async () =>
        (await (await fetch(`${origin}/api/records/tag`, { headers })).json()) as {
          total: number | null;
          totalIsEstimate: boolean;
        };
      for (const name of ["alpha", "beta"]) {
        const created = await fetch(`${origin}/api/records/tag`, {
          method: "POST",
          headers,
          body: JSON.stringify({ name, slug: name }),
        });
        expect(created.status).toBe(201);
      }
      expect(await totalOfTags()).toMatchObject({ total: 2, totalIsEstimate: false });
      await fetch(`${origin}/api/records/tag`, {
        method: "POST",
        headers,
        body: JSON.stringify({ name: "gamma", slug: "gamma" }),
      });
      // Three tags, counted no further than the configured two.
      expect(await totalOfTags()).toMatchObject({ total: 2, totalIsEstimate: true });
    } finally {
      await running.close();
    }
  });
});
