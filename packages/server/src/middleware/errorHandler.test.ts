import { AtriumError } from "@atrium/core";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { describe, expect, it } from "vitest";
import { errorHandler } from "./errorHandler.js";

function appThrowing(error: unknown) {
  const logged: unknown[] = [];
  const app = new Hono();
  app.onError(errorHandler((_message, cause) => logged.push(cause)));
  app.get("/", () => {
    throw error;
  });
  return { app, logged };
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
});
