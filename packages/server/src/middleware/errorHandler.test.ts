import { AtriumError } from "@atrium/core";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { describe, expect, it } from "vitest";
import { type ErrorAudience, errorHandler } from "./errorHandler.js";

function appThrowing(error: unknown, audience: ErrorAudience | null = null) {
  const logged: unknown[] = [];
  const messages: string[] = [];
  const app = new Hono();
  app.onError(
    errorHandler(
      (message, cause) => {
        messages.push(message);
        logged.push(cause);
      },
      () => audience,
    ),
  );
  app.get("/", () => {
    throw error;
  });
  return { app, logged, messages };
}

function databaseFailure() {
  const cause = new Error("Invalid `prisma.region.update()` invocation: secret");
  cause.name = "PrismaClientKnownRequestError";
  const error = new AtriumError("database_error", "Saving this region failed in the database", {
    details: { operation: "update", model: "region" },
    reason: 'P2003: insert or update on table "Site" violates foreign key constraint "Site_fkey"',
    cause,
  });
  return { error, cause };
}

describe("errorHandler", () => {
  it("sends an AtriumError's status and body, fields included, without logging", async () => {
    const { app, logged } = appThrowing(
      new AtriumError("validation_failed", "Check the fields", { fields: { title: "Required" } }),
    );
    const res = await app.request("/");
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      error: { code: "validation_failed", message: "Check the fields", fields: { title: "Required" } },
    });
    expect(logged).toEqual([]);
  });

  it("maps Hono's own HTTPExceptions onto the API's codes", async () => {
    const tooLarge = await appThrowing(new HTTPException(413)).app.request("/");
    expect(tooLarge.status).toBe(413);
    expect((await tooLarge.json()).error.code).toBe("payload_too_large");
    const bad = await appThrowing(
      new HTTPException(400, { message: "Malformed JSON in request body" }),
    ).app.request("/");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe("bad_request");
  });

  it("logs anything else and answers a generic 500 without its message or stack", async () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'findMany')");
    const { app, logged } = appThrowing(error);
    const res = await app.request("/");
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      error: { code: "internal", message: "Internal error; see the server log" },
    });
    expect(text).not.toMatch(/findMany|at |\.ts/);
    expect(logged).toEqual([error]);
  });

  it("treats an HTTPException 5xx as unexpected", async () => {
    const { app, logged } = appThrowing(new HTTPException(503, { message: "upstream db-1 down" }));
    const res = await app.request("/");
    expect(res.status).toBe(500);
    expect(logged).toHaveLength(1);
  });

  it("names a database failure's operation to everyone and its reason to superusers only", async () => {
    const { error } = databaseFailure();
    const staff = await appThrowing(error, { email: "sam@example.com", isSuperuser: false }).app.request("/");
    expect(staff.status).toBe(500);
    const staffText = await staff.text();
    expect(JSON.parse(staffText)).toEqual({
      error: {
        code: "database_error",
        message:
          "Saving this region failed in the database; an administrator can find the reason in the server log",
        details: { operation: "update", model: "region" },
      },
    });
    expect(staffText).not.toMatch(/Site|P2003|constraint|prisma/i);
    const anonymous = await appThrowing(error).app.request("/");
    expect(await anonymous.text()).not.toMatch(/Site|P2003|constraint/i);

    const admin = await appThrowing(error, { email: "root@example.com", isSuperuser: true }).app.request("/");
    expect(admin.status).toBe(500);
    expect((await admin.json()).error).toEqual({
      code: "database_error",
      message:
        'Saving this region failed in the database: P2003: insert or update on table "Site" violates foreign key constraint "Site_fkey"',
      details: {
        operation: "update",
        model: "region",
        reason: 'P2003: insert or update on table "Site" violates foreign key constraint "Site_fkey"',
      },
    });
  });

  it("logs a database failure once, with the request, the operation, the user and the original error", async () => {
    const { error, cause } = databaseFailure();
    const { app, logged, messages } = appThrowing(error, { email: "sam@example.com", isSuperuser: false });
    await app.request("/");
    expect(logged).toEqual([cause]);
    expect(messages).toEqual([
      'atrium: database_error in GET / (update region) by sam@example.com: P2003: insert or update on table "Site" violates foreign key constraint "Site_fkey"',
    ]);
  });
});
