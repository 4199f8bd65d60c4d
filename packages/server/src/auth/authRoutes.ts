/**
 * `POST /api/auth/login`, `POST /api/auth/logout`, `GET /api/auth/me`. The login answer is the same for
 * unknown, wrong and inactive accounts (signIn.ts); throttled attempts get 429 with Retry-After.
 */
import {
  modelPermissions,
  type Principal,
  principalForToken,
  sessionCookie,
  signIn,
  signOut,
} from "@atrium/auth";
import { AtriumError, type SchemaMeta } from "@atrium/core";
import { type Context, Hono } from "hono";
import { methodNotAllowed } from "../middleware/methodNotAllowed.js";
import { readJsonBody } from "../readJsonBody.js";
import { defaultClientIp } from "./authOptions.js";
import type { AuthRuntime } from "./authRuntime.js";

/** Login bodies are tiny; a megabyte of "password" is an attack on the hasher, not a sign-in. */
const maxLoginBytes = 8 * 1024;

export function authRoutes(schema: SchemaMeta, runtime: AuthRuntime): Hono {
  const app = new Hono();
  const clientIp = runtime.options.clientIp ?? defaultClientIp;

  app.post("/login", async (c) => {
    const body = (await readJsonBody(c, maxLoginBytes)) as { email?: unknown; password?: unknown } | null;
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      throw new AtriumError("bad_request", 'Send { "email": "...", "password": "..." }');
    }
    const previousToken = runtime.tokenOf(c);
    let signed: Awaited<ReturnType<typeof signIn>>;
    try {
      signed = await signIn(runtime.services, {
        email: body.email,
        password: body.password,
        ip: clientIp(c),
        ...(previousToken ? { previousToken } : {}),
      });
    } catch (error) {
      if (error instanceof AtriumError && error.code === "too_many_requests") {
        const seconds = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
        if (seconds) c.header("Retry-After", String(seconds));
      }
      throw error;
    }
    const maxAgeSeconds = runtime.services.sessions.options.absoluteTimeoutMs / 1000;
    c.header("Set-Cookie", sessionCookie(signed.token, { ...runtime.cookieOptions(c), maxAgeSeconds }));
    const principal = await principalForToken(runtime.services, signed.token);
    return c.json(whoAmI(schema, runtime, principal));
  });
  app.all("/login", methodNotAllowed(["POST"]));

  app.post("/logout", async (c) => {
    await signOut(runtime.services, runtime.tokenOf(c));
    c.header("Set-Cookie", runtime.clearCookie(c));
    return c.body(null, 204);
  });
  app.all("/logout", methodNotAllowed(["POST"]));

  app.get("/me", async (c: Context) => {
    const principal = await runtime.principalOf(c);
    if (!principal) {
      if (runtime.tokenOf(c)) c.header("Set-Cookie", runtime.clearCookie(c));
      throw new AtriumError("unauthorized", "Sign in to continue.");
    }
    return c.json(whoAmI(schema, runtime, principal));
  });
  app.all("/me", methodNotAllowed(["GET"]));
  return app;
}

/** The signed-in user and what they may do, for the SPA to mirror (the server enforces it regardless). */
export function whoAmI(schema: SchemaMeta, _runtime: AuthRuntime, principal: Principal | null) {
  if (!principal) throw new AtriumError("unauthorized", "Sign in to continue.");
  const models: Record<string, ReturnType<typeof modelPermissions>> = {};
  for (const model of schema.models) models[model.key] = modelPermissions(principal, model.key);
  return {
    user: { id: principal.userId, email: principal.email, isSuperuser: principal.isSuperuser },
    permissions: principal.isSuperuser ? ["*"] : [...principal.permissions].sort(),
    // Custom pages may require a role by name.
    roles: [...principal.roles].sort(),
    models,
  };
}
