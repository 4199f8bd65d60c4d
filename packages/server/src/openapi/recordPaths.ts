/**
 * The record routes of one model, only those the caller may call: list, get, delete preview, look-up and history
 * to whoever may view it; create, update, delete and bulk delete to whoever holds the permission
 * (routes/records.ts, routes/lookup.ts, routes/deleteMany.ts, history/historyRoutes.ts).
 */

import { inSentence } from "@atrium/core";
import type { PathsObject } from "openapi3-ts/oas31";
import { refs } from "./fieldSchema.js";
import { filterSyntax, listParameters } from "./listParameters.js";
import type { DocumentInput, ModelEntry } from "./modelEntry.js";
import {
  componentRef,
  dataOf,
  idParameter,
  json,
  nullableOf,
  operation,
  operationName,
} from "./operation.js";

export function recordPaths(input: DocumentInput, entry: ModelEntry): PathsObject {
  const model = entry.viewModel;
  const tag = model.labelPlural;
  const base = `/api/records/${encodeURIComponent(model.key)}`;
  const row = componentRef(model.name);
  const name = (verb: string) => operationName(verb, model.name);
  const paths: PathsObject = {};

  paths[base] = {
    get: operation({
      operationId: name("list"),
      summary: `List ${inSentence(model.labelPlural)}`,
      description: `One page of ${inSentence(model.labelPlural)}, sorted and filtered. ${filterSyntax}`,
      tag,
      kind: "read",
      parameters: listParameters(model, input.limits.maxPerPage),
      responses: { "200": { description: "One page", content: json(listAnswer(row)) } },
    }),
    ...(entry.can.add
      ? {
          post: operation({
            operationId: name("create"),
            summary: `Create ${one(model.label)}`,
            tag,
            kind: "write",
            body: componentRef(`${model.name}Create`),
            responses: { "201": { description: "Created, as stored", content: json(dataOf(row)) } },
          }),
        }
      : {}),
  };

  paths[`${base}/{id}`] = {
    parameters: [idParameter],
    get: operation({
      operationId: name("get"),
      summary: `Read one ${inSentence(model.label)}`,
      tag,
      kind: "read",
      responses: { "200": { description: "The record", content: json(dataOf(row)) } },
    }),
    ...(entry.can.change
      ? {
          patch: operation({
            operationId: name("update"),
            summary: `Change ${one(model.label)}`,
            description:
              "Changes the fields sent, nothing else. With `$version`, a record changed since answers 409.",
            tag,
            kind: "write",
            body: componentRef(`${model.name}Update`),
            responses: { "200": { description: "Changed, as stored", content: json(dataOf(row)) } },
          }),
        }
      : {}),
    ...(entry.can.delete
      ? {
          delete: operation({
            operationId: name("delete"),
            summary: `Delete ${one(model.label)}`,
            tag,
            kind: "write",
            parameters: [
              {
                name: "version",
                in: "query",
                description: "The $version the delete was decided on: a record changed since answers 409",
                schema: { type: "string" },
              },
            ],
            responses: { "204": { description: "Deleted" } },
          }),
        }
      : {}),
  };

  paths[`${base}/{id}/delete-preview`] = {
    parameters: [idParameter],
    get: operation({
      operationId: name("deletePreview"),
      summary: `What deleting ${one(model.label)} would do`,
      tag,
      kind: "read",
      responses: {
        "200": { description: "The preview", content: json(dataOf(componentRef("DeletePreview"))) },
      },
    }),
  };

  if (entry.can.delete) {
    paths[`${base}/delete-many`] = {
      post: operation({
        operationId: name("deleteMany"),
        summary: `Delete several ${inSentence(model.labelPlural)}, all or nothing`,
        tag,
        kind: "write",
        body: {
          type: "object",
          properties: {
            ids: { type: "array", items: { type: "string" }, minItems: 1, maxItems: input.limits.maxBulkIds },
            versions: {
              type: "object",
              additionalProperties: { type: "string" },
              description: "$id -> $version",
            },
          },
          required: ["ids"],
        },
        responses: {
          "200": {
            description: "Deleted",
            content: json({
              type: "object",
              properties: { deleted: { type: "integer" } },
              required: ["deleted"],
            }),
          },
        },
      }),
    };
  }

  if (entry.can.change) {
    paths[`${base}/update-many`] = {
      post: operation({
        operationId: name("updateMany"),
        summary: `Change several ${inSentence(model.labelPlural)}, all or nothing`,
        description:
          "Each row's `values` are a PATCH body of that record; a refused row leaves every record as it was, and its errors are keyed `rows.<index>.<field>`.",
        tag,
        kind: "write",
        body: {
          type: "object",
          properties: {
            rows: {
              type: "array",
              minItems: 1,
              maxItems: input.limits.maxBulkIds,
              items: {
                type: "object",
                properties: { $id: { type: "string" }, values: componentRef(`${model.name}Update`) },
                required: ["$id", "values"],
              },
            },
          },
          required: ["rows"],
        },
        responses: {
          "200": { description: "Changed, as stored", content: json(dataOf({ type: "array", items: row })) },
        },
      }),
    };
  }

  paths[`/api/lookup/${encodeURIComponent(model.key)}`] = {
    get: operation({
      operationId: name("lookup"),
      summary: `Find ${inSentence(model.labelPlural)} to pick`,
      tag,
      kind: "read",
      parameters: [
        ...(model.searchFields.length > 0
          ? [
              {
                name: "q",
                in: "query" as const,
                description: "Text searched",
                schema: { type: "string" as const },
              },
            ]
          : []),
        {
          name: "limit",
          in: "query",
          description: `How many; capped at ${input.limits.lookupLimit}`,
          schema: { type: "integer", minimum: 1 },
        },
      ],
      responses: {
        "200": {
          description: "Choices",
          content: json(dataOf({ type: "array", items: { $ref: refs.recordRef } })),
        },
      },
    }),
  };

  if (input.history) {
    paths[`${base}/{id}/history`] = {
      parameters: [idParameter],
      get: operation({
        operationId: name("history"),
        summary: `The history of ${one(model.label)}, newest first`,
        tag,
        kind: "read",
        parameters: [
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
          {
            name: "before",
            in: "query",
            description: "The `nextBefore` of the page before",
            schema: { type: "string" },
          },
        ],
        responses: { "200": { description: "Audit entries", content: json(componentRef("AuditPage")) } },
      }),
    };
  }
  return paths;
}

function listAnswer(row: ReturnType<typeof componentRef>) {
  return {
    type: "object" as const,
    properties: {
      data: { type: "array" as const, items: row },
      total: nullableOf({ type: "integer" }),
      totalIsEstimate: { type: "boolean" as const },
      page: nullableOf({ type: "integer" }),
      perPage: { type: "integer" as const },
      nextCursor: nullableOf({ type: "string" }),
      prevCursor: nullableOf({ type: "string" }),
      sortNeedsIndex: { type: "boolean" as const },
      searchMatch: { type: "string" as const, enum: ["contains", "prefix"] },
    },
    required: [
      "data",
      "total",
      "totalIsEstimate",
      "page",
      "perPage",
      "nextCursor",
      "prevCursor",
      "sortNeedsIndex",
      "searchMatch",
    ],
  };
}

/** "a book", "an author": summaries read as sentences. */
function one(label: string): string {
  const word = inSentence(label);
  return `${/^[aeiou]/i.test(word) ? "an" : "a"} ${word}`;
}
