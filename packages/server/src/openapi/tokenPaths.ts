/**
 * `/api/tokens` (auth/apiTokenRoutes.ts): how a script gets the token every other operation accepts. Only a
 * signed-in session may call these (a token cannot mint, list or revoke tokens), so their `security` names the
 * session alone; `userId` and `?user=` reach other users' tokens for superusers only.
 */
import type { PathsObject, SchemaObject } from "openapi3-ts/oas31";
import { json, nullableOf, operation } from "./operation.js";

const tag = "API tokens";
const sessionOnly = [{ session: [] }];

export const apiTokenSchema: SchemaObject = {
  type: "object",
  description: "A token as its owner sees it: never the secret, only its first characters (`prefix`)",
  properties: {
    id: { type: "string" },
    userId: { type: "string" },
    name: { type: "string" },
    prefix: { type: "string" },
    readOnly: { type: "boolean" },
    createdAt: { type: "string", format: "date-time" },
    expiresAt: { type: "string", format: "date-time" },
    lastUsedAt: nullableOf({ type: "string", format: "date-time" }),
    revokedAt: nullableOf({ type: "string", format: "date-time" }),
  },
  required: [
    "id",
    "userId",
    "name",
    "prefix",
    "readOnly",
    "createdAt",
    "expiresAt",
    "lastUsedAt",
    "revokedAt",
  ],
};

const tokenRef = { $ref: "#/components/schemas/ApiToken" };

export function tokenPaths(superuser: boolean): PathsObject {
  const owner = superuser ? " (yours, or another user's with ?user=)" : "";
  return {
    "/api/tokens": {
      get: {
        ...operation({
          operationId: "listApiTokens",
          summary: `API tokens${owner}, newest first, revoked ones included`,
          tag,
          kind: "read",
          parameters: superuser ? [{ name: "user", in: "query", schema: { type: "string" } }] : [],
          responses: {
            "200": {
              description: "The tokens",
              content: json({
                type: "object",
                properties: { tokens: { type: "array", items: tokenRef } },
                required: ["tokens"],
              }),
            },
          },
        }),
        security: sessionOnly,
      },
      post: {
        ...operation({
          operationId: "createApiToken",
          summary: "Create an API token: the answer holds its secret, shown this once",
          description:
            "Send it as `Authorization: Bearer <token>`. It may do what its user may do (only reads when `readOnly`), until `expiresAt` (at most 366 days ahead) or its revocation.",
          tag,
          kind: "write",
          body: {
            type: "object",
            properties: {
              name: { type: "string", minLength: 1, maxLength: 100 },
              expiresAt: { type: "string", format: "date-time" },
              readOnly: { type: "boolean" },
              ...(superuser ? { userId: { type: "string" } } : {}),
            },
            required: ["name", "expiresAt"],
          },
          responses: {
            "201": {
              description: "The secret and the token",
              content: json({
                type: "object",
                properties: { token: { type: "string" }, apiToken: tokenRef },
                required: ["token", "apiToken"],
              }),
            },
          },
        }),
        security: sessionOnly,
      },
    },
    "/api/tokens/{id}/revoke": {
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      post: {
        ...operation({
          operationId: "revokeApiToken",
          summary: "Revoke a token: it stops working on the next request",
          tag,
          kind: "write",
          responses: { "200": { description: "The revoked token", content: json(tokenRef) } },
        }),
        security: sessionOnly,
      },
    },
  };
}
