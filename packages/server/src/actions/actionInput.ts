/** The body of `POST /api/records/{key}/actions/{name}`: `{ ids: string[], params?: {...} }`, checked. */
import {
  AtriumError,
  decodeRecordId,
  decodeWrite,
  encodeRecordId,
  type ModelMeta,
  type SchemaMeta,
} from "@atrium/core";
import type { ServerAction } from "./actionTypes.js";

export interface ActionInput {
  /** Canonical `$id`s, distinct, in the order sent. */
  ids: string[];
  params: Record<string, unknown>;
}

export function decodeActionInput(
  schema: SchemaMeta,
  model: ModelMeta,
  action: ServerAction,
  body: unknown,
  maxIds: number,
): ActionInput {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw invalid("ids", 'Send { "ids": [...], "params": {...} }');
  }
  const { ids, params } = body as { ids?: unknown; params?: unknown };
  return { ids: decodeIds(model, action, ids, maxIds), params: decodeParams(schema, action, params) };
}

function decodeIds(model: ModelMeta, action: ServerAction, ids: unknown, maxIds: number): string[] {
  if (!Array.isArray(ids)) throw invalid("ids", 'Send "ids": [...] with the $id of each record');
  if (ids.length === 0) throw invalid("ids", "Select at least one record");
  const limit = action.kind === "record" ? 1 : maxIds;
  if (ids.length > limit) {
    throw invalid(
      "ids",
      action.kind === "record"
        ? `'${action.label}' runs on one record at a time (got ${ids.length})`
        : `At most ${limit} records can be sent to an action at once (got ${ids.length})`,
    );
  }
  const distinct = new Set<string>();
  ids.forEach((id, index) => {
    if (typeof id !== "string" || id === "") throw invalid("ids", `ids[${index}] must be a non-empty $id`);
    try {
      distinct.add(encodeRecordId(model, decodeRecordId(model, id)));
    } catch (error) {
      if (error instanceof AtriumError) {
        throw invalid("ids", `'${id.slice(0, 100)}' is not a valid ${model.label} id: ${error.message}`);
      }
      throw error;
    }
  });
  return [...distinct];
}

/**
 * The parameters are decoded as the fields they are (actionParamField): the same wire values, messages and
 * required checks as a create form, with each problem placed at `params.<name>`, beside its input.
 */
function decodeParams(schema: SchemaMeta, action: ServerAction, params: unknown): Record<string, unknown> {
  const paramModel: ModelMeta = {
    key: action.name,
    name: action.name,
    label: action.label,
    labelPlural: action.label,
    idFields: [],
    idKind: "id",
    titleField: action.params[0]?.name ?? "",
    searchFields: [],
    uniqueIndexes: [],
    fields: action.params,
  };
  try {
    const data = decodeWrite(schema, paramModel, params ?? {}, "create");
    const typed: Record<string, unknown> = { ...data.scalars };
    // A form's empty text box is "" on the wire; for a required parameter that is the missing answer it looks like.
    const empty = action.params.find(
      (field) => field.isRequired && (typed[field.name] === "" || typed[field.name] == null),
    );
    if (empty) {
      // Named as decodeWrite names fields: the catch below places it at `params.<name>`.
      throw new AtriumError("validation_failed", "This field is required", {
        fields: { [empty.name]: "This field is required" },
      });
    }
    for (const field of action.params) {
      // An unticked box is sent as nothing by some clients; the handler gets false, never undefined.
      if (field.type === "Boolean" && typed[field.name] === undefined) typed[field.name] = false;
      if (typed[field.name] === null) delete typed[field.name];
    }
    return typed;
  } catch (error) {
    if (!(error instanceof AtriumError)) throw error;
    const fields = Object.fromEntries(
      Object.entries(error.fields ?? {}).map(([name, message]) => [`params.${name}`, message]),
    );
    const first = Object.values(fields)[0];
    const message = first ? `Check the parameters of '${action.label}': ${first}` : error.message;
    throw new AtriumError("validation_failed", message, { fields: { ...fields } });
  }
}

function invalid(field: string, message: string): AtriumError {
  return new AtriumError("validation_failed", message, { fields: { [field]: message } });
}
