/**
 * Sign-in, sign-out and "who am I" (auth/authRoutes.ts), in apps with sign-in: how a client gets the session
 * cookie every other operation needs. Writes need the admin's own `Origin` (CSRF guard), as the browser sends it.
 */
import type { PathsObject, SchemaObject } from "openapi3-ts/oas31";
import { json, operation } from "./operation.js";

const tag = "Sign-in";

const whoAmI: SchemaObject = {
  type: "object",
  properties: {
    user: {
      type: "object",
      properties: { id: { type: "string" }, email: { type: "string" }, isSuperuser: { type: "boolean" } },
      required: ["id", "email", "isSuperuser"],
    },
    permissions: { type: "array", items: { type: "string" }, description: '`["*"]` for a superuser' },
    roles: { type: "array", items: { type: "string" } },
    models: {
      type: "object",
      description: "Model key -> what the user may do on it",
      additionalProperties: {
        type: "object",
        properties: {
          view: { type: "boolean" },
          add: { type: "boolean" },
          change: { type: "boolean" },
          delete: { type: "boolean" },
        },
      },
    },
  },
  required: ["user", "permissions", "roles", "models"],
};

export function authPaths(cookieName: string): PathsObject {
  const setCookie = {
    "Set-Cookie": { description: `The session cookie (${cookieName})`, schema: { type: "string" as const } },
  };
  return {
    "/api/auth/login": {
      post: {
        ...operation({
          operationId: "signIn",
          summary: "Sign in: answers the session cookie",
          description: "Too many failed attempts answer 429 with `Retry-After`.",
          tag,
          kind: "write",
          body: {
            type: "object",
            properties: { email: { type: "string" }, password: { type: "string", format: "password" } },
            required: ["email", "password"],
          },
          responses: { "200": { description: "Signed in", headers: setCookie, content: json(whoAmI) } },
        }),
        // The one operation that needs no session.
        security: [],
      },
    },
    "/api/auth/logout": {
      post: operation({
        operationId: "signOut",
        summary: "Sign out: ends the session and clears its cookie",
        tag,
        kind: "write",
        responses: { "204": { description: "Signed out" } },
      }),
    },
    "/api/auth/me": {
      get: operation({
        operationId: "whoAmI",
        summary: "The signed-in user and what they may do",
        tag,
        kind: "read",
        responses: { "200": { description: "The user", content: json(whoAmI) } },
      }),
    },
  };
}
