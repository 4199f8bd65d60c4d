import type { StoredRow } from "./dataSource.js";
import { AtriumError } from "./errors.js";
import { inSentence } from "./inSentence.js";
import type { ModelMeta, SchemaMeta } from "./metadata.js";
import { serializeRow } from "./serializeRow.js";

/**
 * The 409 of a stale `$version`: `details.current` is the record as it is now (wire row), so the client can show
 * the other person's changes field by field and offer to reload or to overwrite (by sending this `$version`).
 */
export function versionConflict(schema: SchemaMeta, model: ModelMeta, current: StoredRow): AtriumError {
  return new AtriumError(
    "conflict",
    `Someone else changed this ${inSentence(model.label)} since you opened it; review their changes, then reload or save again to overwrite them`,
    { details: { current: serializeRow(schema, model, current) } },
  );
}

/** The 409 of a bulk delete in which some records changed since they were listed; nothing was deleted. */
export function bulkVersionConflict(schema: SchemaMeta, model: ModelMeta, stale: StoredRow[]): AtriumError {
  return new AtriumError(
    "conflict",
    `${stale.length} of the selected ${inSentence(model.labelPlural)} changed since you listed them; nothing was deleted. Reload and try again`,
    { details: { current: stale.map((row) => serializeRow(schema, model, row)) } },
  );
}
