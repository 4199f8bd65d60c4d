/**
 * The routes that belong to no one model: metadata, counts, the document itself and, with a history store, the
 * audit history (routes/meta.ts, routes/counts.ts, history/historyRoutes.ts); and the schemas their answers and
 * the record routes share.
 */
import type { PathsObject, SchemaObject } from "openapi3-ts/oas31";
import type { DocumentInput } from "./modelEntry.js";
import { componentRef, dataOf, json, nullableOf, operation } from "./operation.js";

const tag = "Admin";

const previewGroup: SchemaObject = {
  type: "array",
  items: {
    type: "object",
    properties: {
      model: { type: "string" },
      label: { type: "string" },
      via: { type: "string" },
      count: { type: "integer" },
      examples: { type: "array", items: { type: "string" } },
    },
    required: ["model", "label", "via", "count", "examples"],
  },
};

export const sharedAnswerSchemas: Record<string, SchemaObject> = {
  DeletePreview: {
    type: "object",
    description: "Records deleted with it, records whose reference is cleared, records that block the delete",
    properties: {
      cascades: previewGroup,
      setNull: previewGroup,
      blockers: previewGroup,
      canDelete: { type: "boolean" },
    },
    required: ["cascades", "setNull", "blockers", "canDelete"],
  },
  AuditEntry: {
    type: "object",
    properties: {
      id: { type: "string" },
      at: { type: "string", format: "date-time" },
      actor: {
        type: "object",
        properties: { id: nullableOf({ type: "string" }), email: { type: "string" } },
        required: ["id", "email"],
      },
      action: { type: "string" },
      model: nullableOf({ type: "string" }),
      recordId: nullableOf({ type: "string" }),
      changes: {
        type: "object",
        description: "Field -> its wire-encoded old and new values",
        additionalProperties: { type: "object", properties: { old: {}, new: {} } },
      },
      revertOf: nullableOf({ type: "string" }),
      causeId: nullableOf({ type: "string" }),
      caused: { type: "integer" },
    },
    required: ["id", "at", "actor", "action"],
  },
  AuditPage: {
    type: "object",
    properties: {
      data: { type: "array", items: componentRef("AuditEntry") },
      nextBefore: nullableOf({ type: "string" }),
    },
    required: ["data", "nextBefore"],
  },
  GenerateResult: {
    type: "object",
    properties: {
      created: { type: "integer" },
      seed: { type: "integer" },
      models: {
        type: "array",
        items: {
          type: "object",
          properties: {
            model: { type: "string" },
            created: { type: "integer" },
            skipped: { type: "integer" },
          },
        },
      },
    },
    required: ["created", "seed", "models"],
  },
};

export function globalPaths(input: DocumentInput): PathsObject {
  const paths: PathsObject = {
    "/api/meta": {
      get: operation({
        operationId: "getMeta",
        summary: "The schema metadata the admin builds its views from",
        tag,
        kind: "read",
        responses: { "200": { description: "Models you may view", content: json({ type: "object" }) } },
      }),
    },
    "/api/counts": {
      get: operation({
        operationId: "getCounts",
        summary: "How many records each model you may view holds",
        tag,
        kind: "read",
        responses: {
          "200": {
            description: "Model key -> count",
            content: json(
              dataOf({
                type: "object",
                additionalProperties: {
                  type: "object",
                  properties: { total: nullableOf({ type: "integer" }), isEstimate: { type: "boolean" } },
                  required: ["total", "isEstimate"],
                },
              }),
            ),
          },
        },
      }),
    },
    "/api/openapi.json": {
      get: operation({
        operationId: "getOpenApi",
        summary: "This document, for the signed-in user",
        tag,
        kind: "read",
        responses: { "200": { description: "OpenAPI 3.1", content: json({ type: "object" }) } },
      }),
    },
  };
  if (!input.history) return paths;
  const entryId = {
    name: "entryId",
    in: "path" as const,
    required: true,
    schema: { type: "string" as const },
  };
  paths["/api/history"] = {
    get: operation({
      operationId: "listHistory",
      summary: "Audit entries of the models you may view, newest first",
      tag,
      kind: "read",
      parameters: ["model", "record", "actor", "action", "cause", "top", "before", "limit"].map((name) => ({
        name,
        in: "query" as const,
        schema:
          name === "limit"
            ? { type: "integer" as const, minimum: 1, maximum: 200 }
            : { type: "string" as const },
      })),
      responses: { "200": { description: "A page of entries", content: json(componentRef("AuditPage")) } },
    }),
  };
  paths["/api/history/{entryId}"] = {
    parameters: [entryId],
    get: operation({
      operationId: "getHistoryEntry",
      summary: "One audit entry",
      tag,
      kind: "read",
      responses: { "200": { description: "The entry", content: json(dataOf(componentRef("AuditEntry"))) } },
    }),
  };
  paths["/api/history/{entryId}/revert"] = {
    parameters: [entryId],
    post: operation({
      operationId: "revertHistoryEntry",
      summary: "Undo one change (needs the permission of what the undo does)",
      tag,
      kind: "write",
      responses: {
        "200": {
          description: "The record as the revert left it, and the revert's own entry",
          content: json(
            dataOf({
              type: "object",
              properties: {
                record: nullableOf({ type: "object" }),
                entry: nullableOf(componentRef("AuditEntry")),
                unrecorded: { type: "array", items: { type: "string" } },
              },
              required: ["record", "entry", "unrecorded"],
            }),
          ),
        },
      },
    }),
  };
  return paths;
}
