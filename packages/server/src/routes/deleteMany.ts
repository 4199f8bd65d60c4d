import { AtriumError, decodeRecordId, encodeRecordId, type IdValues, type ModelMeta } from "@atrium/core";
import type { Handler } from "hono";
import { type ResolvedOptions, writeContext } from "../appOptions.js";
import { accessOf } from "../auth/requestAccess.js";
import { readJsonBody } from "../readJsonBody.js";
import { resolveModel } from "../resolveModel.js";

/**
 * `POST /api/records/{key}/delete-many` with `{ ids: string[], versions?: { [$id]: $version } }`; all or nothing,
 * and nothing when one of the versioned records changed since it was listed (409 conflict).
 */
export function deleteMany(options: ResolvedOptions): Handler {
  return async (c) => {
    const model = resolveModel(options.schema, c.req.param("key") ?? "");
    const access = accessOf(c, options.schema);
    access.require(model, "delete");
    const body = await readJsonBody(c, options.maxBodyBytes);
    const ids = decodeBulkIds(model, body, options.maxBulkIds);
    const expectedVersions = decodeBulkVersions(model, body);
    const deleted = await options.dataSource
      .deleteMany(model, ids, { ...writeContext(options, c), expectedVersions })
      .catch((error: unknown) => Promise.reject(access.redactError(model, error)));
    return c.json({ deleted });
  };
}

/** Validates the `ids` of a bulk request; duplicates are dropped so the count is of distinct records. */
export function decodeBulkIds(model: ModelMeta, body: unknown, maxIds: number): IdValues[] {
  const ids =
    typeof body === "object" && body !== null && !Array.isArray(body)
      ? (body as { ids?: unknown }).ids
      : undefined;
  if (!Array.isArray(ids)) throw invalidIds('Send { "ids": [...] } with the $id of each record to delete');
  if (ids.length === 0) throw invalidIds("Select at least one record");
  if (ids.length > maxIds)
    throw invalidIds(`At most ${maxIds} records can be deleted at once (got ${ids.length})`);
  const distinct = new Set<string>();
  ids.forEach((id, index) => {
    if (typeof id !== "string" || id === "") throw invalidIds(`ids[${index}] must be a non-empty $id string`);
    distinct.add(id);
  });
  return [...distinct].map((id) => {
    try {
      return decodeRecordId(model, id);
    } catch (error) {
      if (error instanceof AtriumError)
        throw invalidIds(`'${id}' is not a valid ${model.label} id: ${error.message}`);
      throw error;
    }
  });
}

/** `versions` keyed by the canonical `$id`, so "1.50" and "1.5" name the same Decimal-keyed record. */
function decodeBulkVersions(model: ModelMeta, body: unknown): Record<string, string> {
  const versions = (body as { versions?: unknown }).versions;
  if (versions === undefined) return {};
  const message = 'Send "versions" as { "<$id>": "<$version>", ... } for the records being deleted';
  const invalid = () => new AtriumError("validation_failed", message, { fields: { versions: message } });
  if (typeof versions !== "object" || versions === null || Array.isArray(versions)) throw invalid();
  const out: Record<string, string> = {};
  for (const [id, version] of Object.entries(versions)) {
    if (typeof version !== "string" || version === "") throw invalid();
    let decoded: IdValues;
    try {
      decoded = decodeRecordId(model, id);
    } catch {
      throw invalid();
    }
    out[encodeRecordId(model, decoded)] = version;
  }
  return out;
}

function invalidIds(message: string): AtriumError {
  return new AtriumError("validation_failed", message, { fields: { ids: message } });
}
