/** Small builders the path files share, so every operation has the same error answers and JSON bodies. */
import type { OperationObject, ParameterObject, ResponsesObject } from "openapi3-ts/oas31";
import type { Schema } from "./fieldSchema.js";
import { errorsOf } from "./sharedComponents.js";

export function json(schema: Schema) {
  return { "application/json": { schema } };
}

export function componentRef(name: string): Schema {
  return { $ref: `#/components/schemas/${name}` };
}

/** `{ data: <schema> }`, the envelope of every record answer. */
export function dataOf(schema: Schema): Schema {
  return { type: "object", properties: { data: schema }, required: ["data"] };
}

export function nullableOf(schema: Schema): Schema {
  return { anyOf: [schema, { type: "null" }] };
}

export const idParameter: ParameterObject = {
  name: "id",
  in: "path",
  required: true,
  description:
    "The record's `$id`, URL-encoded as a path segment. With several id fields, each part is URL-encoded and the parts joined with `,`.",
  schema: { type: "string" },
};

export interface OperationInput {
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  kind: "read" | "write";
  parameters?: ParameterObject[];
  body?: Schema;
  responses: ResponsesObject;
}

export function operation(input: OperationInput): OperationObject {
  return {
    operationId: input.operationId,
    summary: input.summary,
    ...(input.description ? { description: input.description } : {}),
    tags: [input.tag],
    ...(input.parameters && input.parameters.length > 0 ? { parameters: input.parameters } : {}),
    ...(input.body ? { requestBody: { required: true, content: json(input.body) } } : {}),
    responses: { ...input.responses, ...errorsOf(input.kind) },
  };
}

/** `Book` -> `listBook`: operation ids by Prisma model name, which the schema keeps unique. */
export function operationName(verb: string, modelName: string): string {
  return `${verb}${modelName.charAt(0).toUpperCase()}${modelName.slice(1)}`;
}
