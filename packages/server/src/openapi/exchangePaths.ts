/**
 * The routes of one model beyond plain records, only where the caller may call them: export (view), import (add
 * or change), generate (add) and each configured action they may run (exchange/, routes/generateRecords.ts,
 * actions/runAction.ts).
 */
import type { ActionMeta, SchemaMeta } from "@atrium/core";
import { inSentence } from "@atrium/core";
import type { ParameterObject, PathsObject, SchemaObject } from "openapi3-ts/oas31";
import { type Schema, writeFieldSchema } from "./fieldSchema.js";
import { listParameters } from "./listParameters.js";
import type { DocumentInput, ModelEntry } from "./modelEntry.js";
import { componentRef, dataOf, json, operation, operationName } from "./operation.js";

const formats = ["csv", "json", "ndjson"];

export function exchangePaths(input: DocumentInput, entry: ModelEntry): PathsObject {
  const model = entry.viewModel;
  const tag = model.labelPlural;
  const key = encodeURIComponent(model.key);
  const name = (verb: string) => operationName(verb, model.name);
  const paths: PathsObject = {};

  // The export takes the list's own search, sort and filters (not its paging), or a selection by `ids`. The
  // filters are those of the list operation: repeating hundreds of them here would double the document.
  const listScope = listParameters(model, input.limits.maxPerPage).filter(
    (parameter) => parameter.name === "sort" || parameter.name === "q",
  );
  paths[`/api/export/${key}`] = {
    get: operation({
      operationId: name("export"),
      summary: `Download ${inSentence(model.labelPlural)} as a file`,
      description: `The list, or the selection named by \`ids\`, as a file in the wire encoding. Takes the list operation's \`filter.{field}.{op}\` parameters as well.`,
      tag,
      kind: "read",
      parameters: [
        { name: "format", in: "query", schema: { type: "string", enum: formats, default: "csv" } },
        {
          name: "ids",
          in: "query",
          description: "Export only these records (repeat the parameter for each $id)",
          schema: { type: "array", items: { type: "string" } },
          style: "form",
          explode: true,
        },
        ...listScope,
      ],
      responses: {
        "200": {
          description: "The file, streamed",
          content: {
            "text/csv": { schema: { type: "string" } },
            "application/json": { schema: { type: "array", items: { type: "object" } } },
            "application/x-ndjson": { schema: { type: "string" } },
          },
        },
      },
    }),
  };

  if (entry.can.add || entry.can.change) {
    const importParameters: ParameterObject[] = [
      { name: "format", in: "query", schema: { type: "string", enum: formats } },
      {
        name: "dryRun",
        in: "query",
        description: "1: check only, write nothing",
        schema: { type: "string", enum: ["1", "0", "true", "false"] },
      },
      {
        name: "mapping",
        in: "query",
        description: 'JSON list such as [{"column": "Title", "field": "title"}]',
        schema: { type: "string" },
      },
      {
        name: "match",
        in: "query",
        description: "How rows find the records they update: $id, a unique field, or none",
        schema: { type: "string" },
      },
    ];
    paths[`/api/import/${key}`] = {
      post: {
        ...operation({
          operationId: name("import"),
          summary: `Import ${inSentence(model.labelPlural)} from a file, all or nothing`,
          tag,
          kind: "write",
          parameters: importParameters,
          responses: {
            "200": {
              description: "A dry run's report, or `{ created, updated }`",
              content: json({ type: "object", additionalProperties: true }),
            },
          },
        }),
        requestBody: {
          required: true,
          content: {
            "text/csv": { schema: { type: "string" } },
            "application/json": { schema: { type: "array", items: { type: "object" } } },
            "application/x-ndjson": { schema: { type: "string" } },
          },
        },
      },
    };
  }

  if (entry.can.add) {
    paths[`/api/records/${key}/generate`] = {
      post: operation({
        operationId: name("generate"),
        summary: `Generate realistic ${inSentence(model.labelPlural)}`,
        tag,
        kind: "write",
        body: {
          type: "object",
          properties: {
            count: { type: "integer", minimum: 1, maximum: input.limits.maxGenerateCount },
            seed: { type: "integer" },
            preview: { type: "boolean", description: "true: answer five rows and write nothing" },
          },
          required: ["count"],
        },
        responses: {
          "200": {
            description: "A preview",
            content: json({
              type: "object",
              properties: { data: { type: "array" }, seed: { type: "integer" } },
            }),
          },
          "201": { description: "Written", content: json(componentRef("GenerateResult")) },
        },
      }),
    };
  }

  for (const action of entry.actions) {
    paths[`/api/records/${key}/actions/${encodeURIComponent(action.name)}`] = {
      post: operation({
        operationId: name(`run${action.name.charAt(0).toUpperCase()}${action.name.slice(1)}On`),
        summary: action.label,
        ...(action.description ? { description: action.description } : {}),
        tag,
        kind: "write",
        body: actionBody(input.schema, action, action.kind === "record" ? 1 : input.limits.maxBulkIds),
        responses: {
          "200": {
            description: "Done",
            content: json(
              dataOf({
                type: "object",
                properties: { message: { type: "string" }, count: { type: "integer" } },
                required: ["message", "count"],
              }),
            ),
          },
        },
      }),
    };
  }
  return paths;
}

function actionBody(schema: SchemaMeta, action: ActionMeta, maxIds: number): SchemaObject {
  const params: Record<string, Schema> = {};
  for (const field of action.params) {
    // A parameter's enum has no schema-level enum to refer to: its choices go inline.
    const value =
      field.kind === "enum"
        ? { type: "string" as const, enum: [...(field.enumValues ?? [])] }
        : writeFieldSchema(schema, field);
    if (value) params[field.name] = value;
  }
  const required = action.params.filter((field) => field.isRequired).map((field) => field.name);
  return {
    type: "object",
    properties: {
      ids: { type: "array", items: { type: "string" }, minItems: 1, maxItems: maxIds },
      params: { type: "object", properties: params, ...(required.length > 0 ? { required } : {}) },
    },
    required: ["ids", ...(required.length > 0 ? ["params"] : [])],
  };
}
