/**
 * `/api/tokens`: a user's API tokens. Anyone signed in manages their own; superusers (who manage users) manage
 * anyone's. Only a signed-in session may use these routes: a token cannot mint, list or revoke tokens, so a
 * leaked token cannot outlive its own expiry or revocation. The secret is in the create answer only; lists show
 * its prefix. Creating and revoking are audited on the owner (`recordId: "user:<id>"`, no model: superusers
 * see them in the history, as they see other user changes).
 */
import {
  type AuthStore,
  issueApiToken,
  type Principal,
  readApiTokenInput,
  type StoredApiToken,
} from "@atrium/auth";
import { AtriumError, type SchemaMeta } from "@atrium/core";
import { type Context, Hono } from "hono";
import { methodNotAllowed } from "../middleware/methodNotAllowed.js";
import { readJsonBody } from "../readJsonBody.js";
import type { AuthRuntime } from "./authRuntime.js";
import { accessOf } from "./requestAccess.js";

const maxTokenBodyBytes = 8 * 1024;

/** A token as its owner and superusers see it: never the secret, nor its hash. */
export interface ApiTokenInfo {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  readOnly: boolean;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function apiTokenRoutes(schema: SchemaMeta, runtime: AuthRuntime): Hono {
  const app = new Hono();
  const { store } = runtime.services;
  const now = runtime.services.now ?? (() => new Date());

  app.use("*", async (c, next) => {
    sessionPrincipal(c, schema);
    return next();
  });

  app.get("/", async (c) => {
    const userId = await ownerOf(c, schema, store, c.req.query("user"));
    return c.json({ tokens: (await store.listApiTokens(userId)).map(present) });
  });

  app.post("/", async (c) => {
    const body = await readJsonBody(c, maxTokenBodyBytes);
    const requested = (body as { userId?: unknown } | null)?.userId;
    if (requested !== undefined && typeof requested !== "string") {
      throw new AtriumError("validation_failed", "userId: Must be a user's id", {
        fields: { userId: "Must be a user's id" },
      });
    }
    const userId = await ownerOf(c, schema, store, requested);
    const at = now();
    const input = readApiTokenInput(body, at);
    const { token, stored } = await store.transaction(async (tx) => {
      const issued = await issueApiToken(tx, userId, input, at);
      await audit(tx, c, schema, at, issued.stored, { old: null, new: describe(issued.stored) });
      return issued;
    });
    return c.json({ token, apiToken: present(stored) }, 201);
  });
  app.all("/", methodNotAllowed(["GET", "POST"]));

  app.post("/:id/revoke", async (c) => {
    const found = await store.findApiToken(c.req.param("id"));
    // Someone else's token is "not found" to a non-superuser: ids of other users' tokens are not theirs to probe.
    const principal = sessionPrincipal(c, schema);
    if (!found || (found.userId !== principal.userId && !principal.isSuperuser)) {
      throw new AtriumError("not_found", "No API token has this id; it may belong to someone else");
    }
    const at = now();
    const revoked = await store.transaction(async (tx) => {
      if (!found.revokedAt) {
        await tx.revokeApiToken(found.id, at);
        await audit(tx, c, schema, at, found, { old: describe(found), new: "(revoked)" });
      }
      return tx.findApiToken(found.id);
    });
    return c.json(present(revoked ?? found));
  });
  app.all("/:id/revoke", methodNotAllowed(["POST"]));
  return app;
}

/** The signed-in user; a request made with an API token is refused (no token minting tokens). */
function sessionPrincipal(c: Context, schema: SchemaMeta): Principal {
  const access = accessOf(c, schema);
  if (access.apiToken) {
    throw new AtriumError(
      "forbidden",
      "API tokens cannot manage API tokens: sign in to the admin to create, list or revoke them",
    );
  }
  if (!access.principal) throw new AtriumError("unauthorized", "Sign in to continue.");
  return access.principal;
}

/** Whose tokens the request is about: the signed-in user's own, or (superusers only) anyone's. */
async function ownerOf(
  c: Context,
  schema: SchemaMeta,
  store: AuthStore,
  requested: string | undefined,
): Promise<string> {
  const principal = sessionPrincipal(c, schema);
  if (requested === undefined || requested === principal.userId) return principal.userId;
  if (!principal.isSuperuser) {
    throw new AtriumError(
      "forbidden",
      "You may manage only your own API tokens; a superuser manages other users' tokens",
    );
  }
  if (!(await store.findUserById(requested))) {
    throw new AtriumError("not_found", "No user has this id; it may have been deleted");
  }
  return requested;
}

function audit(
  tx: AuthStore,
  c: Context,
  schema: SchemaMeta,
  at: Date,
  token: StoredApiToken,
  change: { old: string | null; new: string | null },
) {
  const actor = sessionPrincipal(c, schema);
  return tx.appendAudit({
    at,
    actorId: actor.userId,
    actorEmail: actor.email,
    action: "update",
    model: null,
    recordId: `user:${token.userId}`,
    changes: { apiToken: change },
    revertOf: null,
  });
}

function describe(token: StoredApiToken): string {
  const scope = token.readOnly ? "read-only" : "read-write";
  return `${token.name} (${token.prefix}…, ${scope}, expires ${token.expiresAt.toISOString()})`;
}

function present(token: StoredApiToken): ApiTokenInfo {
  return {
    id: token.id,
    userId: token.userId,
    name: token.name,
    prefix: token.prefix,
    readOnly: token.readOnly,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}
