import { describe, expect, it } from "vitest";
import { databaseUnavailability, isDatabaseUnreachable } from "./databaseUnavailability.js";

/** Prisma's shape: a known request error whose meta carries the driver adapter's error. */
const viaAdapter = (cause: Record<string, unknown>) =>
  Object.assign(new Error("Raw query failed"), {
    name: "PrismaClientKnownRequestError",
    code: "P2010",
    meta: { driverAdapterError: { name: "DriverAdapterError", cause } },
  });

describe("databaseUnavailability", () => {
  it("tells a statement stopped by the time limit from other cancels", () => {
    const pgTimeout = viaAdapter({
      kind: "postgres",
      originalCode: "57014",
      originalMessage: "canceling statement due to statement timeout",
    });
    const mariadbTimeout = viaAdapter({
      kind: "mysql",
      code: 1969,
      originalCode: "1969",
      originalMessage: "Query execution was interrupted (max_statement_time exceeded)",
    });
    expect(databaseUnavailability(pgTimeout)).toBe("timed_out");
    expect(databaseUnavailability(mariadbTimeout)).toBe("timed_out");
    const cancelled = viaAdapter({
      kind: "postgres",
      originalCode: "57014",
      originalMessage: "canceling statement due to user request",
    });
    expect(databaseUnavailability(cancelled)).toBeUndefined();
  });

  it("calls a write that found no free connection in time busy, not a failure", () => {
    const noConnection = Object.assign(
      new Error("Transaction API error: Unable to start a transaction in the given time."),
      { name: "PrismaClientKnownRequestError", code: "P2028" },
    );
    const otherTransactionError = Object.assign(
      new Error("Transaction API error: Transaction already closed"),
      {
        name: "PrismaClientKnownRequestError",
        code: "P2028",
      },
    );
    expect(databaseUnavailability(noConnection)).toBe("busy");
    expect(databaseUnavailability(otherTransactionError)).toBeUndefined();
  });
});

describe("isDatabaseUnreachable", () => {
  it("recognises a database that is down, restarting, or dropped the connection, on each driver", () => {
    const unreachable = [
      viaAdapter({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5999 }),
      viaAdapter({ kind: "ConnectionClosed" }),
      viaAdapter({ kind: "postgres", originalCode: "57P01", originalMessage: "terminating connection" }),
      viaAdapter({
        kind: "postgres",
        originalCode: "57P03",
        originalMessage: "the database system is starting up",
      }),
      viaAdapter({ kind: "postgres", originalCode: "08006", originalMessage: "connection failure" }),
      viaAdapter({ kind: "mysql", code: 45028, originalCode: "45028", originalMessage: "pool timeout" }),
      viaAdapter({
        kind: "mysql",
        code: 1927,
        originalCode: "1927",
        originalMessage: "Connection was killed",
      }),
      new Error("Connection terminated unexpectedly"),
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      Object.assign(new Error("Can't reach database server"), { code: "P1001" }),
      new Error("wrapped", { cause: new Error("Connection terminated unexpectedly") }),
    ];
    for (const error of unreachable) expect(isDatabaseUnreachable(error), String(error.message)).toBe(true);
  });

  it("leaves queries the database refused, and everything else, to the other answers", () => {
    const refused = [
      viaAdapter({ kind: "UniqueConstraintViolation", constraint: { fields: ["email"] } }),
      viaAdapter({ kind: "postgres", originalCode: "23503", originalMessage: "foreign key violation" }),
      viaAdapter({
        kind: "postgres",
        originalCode: "57014",
        originalMessage: "canceling statement due to user request",
      }),
      viaAdapter({ kind: "AuthenticationFailed", user: "app" }),
      viaAdapter({ kind: "DatabaseDoesNotExist", db: "shop" }),
      viaAdapter({ kind: "mysql", code: 1062, originalCode: "1062", originalMessage: "Duplicate entry" }),
      Object.assign(new Error("Unique constraint failed"), { code: "P2002" }),
      new Error("Cannot read properties of undefined"),
      "a string",
      null,
    ];
    for (const error of refused) expect(isDatabaseUnreachable(error), String(error)).toBe(false);
  });
});
