/**
 * What every document carries whatever the caller may see: the one error shape (`{ error: { code, message,
 * fields?, details? } }`, AtriumError in @atrium/core), a related record's reference, and the error answers the
 * operations share.
 */
import type { ErrorCode } from "@atrium/core";
import type { ResponseObject, ResponsesObject, SchemaObject } from "openapi3-ts/oas31";
import { enumComponentName, refs } from "./fieldSchema.js";

/** Every code AtriumError can carry; `satisfies` makes the compiler name a code added there and missing here. */
const errorCodes = {
  bad_request: true,
  sort_needs_index: true,
  invalid_json: true,
  validation_failed: true,
  unknown_model: true,
  not_found: true,
  unique_violation: true,
  foreign_key_violation: true,
  delete_restricted: true,
  payload_too_large: true,
  unsupported_media_type: true,
  method_not_allowed: true,
  conflict: true,
  unauthorized: true,
  forbidden: true,
  too_many_requests: true,
  database_error: true,
  database_unavailable: true,
  internal: true,
} satisfies Record<ErrorCode, true>;

export const errorSchema: SchemaObject = {
  type: "object",
  description: "The one error shape of the API (docs/api.md, Errors)",
  properties: {
    error: {
      type: "object",
      properties: {
        code: { type: "string", enum: Object.keys(errorCodes) },
        message: { type: "string", description: "Written for the user; says what to do next" },
        fields: {
          type: "object",
          additionalProperties: { type: "string" },
          description: "Field or query parameter -> the message to show next to it",
        },
        details: {
          description: "Extra data for some codes: the record now for a conflict, the delete preview...",
        },
      },
      required: ["code", "message"],
    },
  },
  required: ["error"],
};

export const recordRefSchema: SchemaObject = {
  type: "object",
  description: "A related record: its address and its label",
  properties: { $id: { type: "string" }, $label: { type: "string" } },
  required: ["$id", "$label"],
};

function errorResponse(description: string): ResponseObject {
  return { description, content: { "application/json": { schema: { $ref: refs.error } } } };
}

/** Reusable error answers, referenced from each operation as `#/components/responses/<name>`. */
export const errorResponses: Record<string, ResponseObject> = {
  BadRequest: errorResponse("A parameter or the body is malformed; `fields` names it"),
  Unauthorized: errorResponse("No session, or an expired one: sign in again"),
  Forbidden: errorResponse(
    "You lack the permission (the message names it), or a write came without the admin's Origin",
  ),
  NotFound: errorResponse("No model has this key, or no record this $id"),
  Conflict: errorResponse(
    "The record changed since the $version sent (`details.current` is the record now), a unique value is taken, or something blocks a delete",
  ),
  TooLarge: errorResponse("The body is over the server's limit"),
  UnsupportedMediaType: errorResponse("The body was sent without `Content-Type: application/json`"),
  Invalid: errorResponse("A value does not fit its field; `fields` has one message per field"),
  Unavailable: errorResponse("The database cannot do the work just now; nothing was written. Try again"),
  Internal: errorResponse("Something unexpected failed; see the server log"),
};

const ref = (name: string) => ({ $ref: `#/components/responses/${name}` });

/** The error answers of a read, and of a write (which adds what only writes meet). */
export function errorsOf(kind: "read" | "write"): ResponsesObject {
  return {
    "400": ref("BadRequest"),
    "401": ref("Unauthorized"),
    "403": ref("Forbidden"),
    "404": ref("NotFound"),
    ...(kind === "write"
      ? {
          "409": ref("Conflict"),
          "413": ref("TooLarge"),
          "415": ref("UnsupportedMediaType"),
          "422": ref("Invalid"),
        }
      : {}),
    "500": ref("Internal"),
    "503": ref("Unavailable"),
  };
}

/** Enum schemas, for the enums the caller's fields use (name -> values). */
export function enumSchemas(used: ReadonlyMap<string, readonly string[]>): Record<string, SchemaObject> {
  return Object.fromEntries(
    [...used].map(([name, values]) => [
      enumComponentName(name),
      { type: "string", title: name, enum: [...values] },
    ]),
  );
}
