/**
 * The write and history channels of one model: PATCH of one field with `$version` (and the stale retry that must
 * answer 409), the record's history (its own and in the global history), a revert of that update, and delete
 * previews. Deletes are in crawlDeletes.ts.
 */
import { isDeepStrictEqual } from "node:util";
import type { FieldMeta } from "@atrium/core";
import { type CrawledModel, type CrawlState, type Row, recordPath } from "./crawlState.js";
import { sampleValue } from "./sampleValue.js";

/** Ordinals for changed values: past the ones records were created with, so uniques still hold. */
const patchOrdinal = 7;

/** A field a PATCH can change to a fresh value: plain, writable, not part of the identity or a key. */
function patchableField(model: CrawledModel): FieldMeta | undefined {
  return model.meta.fields.find(
    (field) =>
      field.kind !== "relation" &&
      !field.isReadOnly &&
      !field.isId &&
      !model.meta.idFields.includes(field.name) &&
      !field.isForeignKey &&
      !field.isUpdatedAt &&
      sampleValue(field, patchOrdinal) !== undefined,
  );
}

export async function crawlUpdate(state: CrawlState, model: CrawledModel): Promise<void> {
  const key = model.meta.key;
  const field = patchableField(model);
  const row: Row | undefined = model.rows[1] ?? model.rows[0];
  if (!field || !row || model.meta.permissions?.change === false) return;
  // A new value: a Boolean has only two, so the next ordinal's when the first is what is stored.
  const first = sampleValue(field, patchOrdinal);
  const value = isDeepStrictEqual(first, row[field.name]) ? sampleValue(field, patchOrdinal + 1) : first;
  const channel = `patch:${field.name}`;
  const res = await state.log.request(key, channel, recordPath(model, row), {
    method: "PATCH",
    body: { [field.name]: value, $version: row.$version },
  });
  if (res?.status !== 200) return;
  const updated: Row = res.body.data;
  if (!isDeepStrictEqual(updated[field.name], value)) {
    state.log.add(
      key,
      channel,
      `sent ${JSON.stringify(value)}, answered ${JSON.stringify(updated[field.name])}`,
    );
  }
  if (updated.$version === row.$version) state.log.add(key, channel, "the $version did not change");
  const stale = await state.log.request(key, `${channel}:stale`, recordPath(model, row), {
    method: "PATCH",
    body: { [field.name]: row[field.name], $version: row.$version },
    expect: [409],
  });
  if (stale?.status === 409 && stale.body.error?.details?.current?.$version !== updated.$version) {
    state.log.add(key, `${channel}:stale`, "the 409's current row is not the stored one");
  }
  await crawlHistory(state, model, updated, field, row[field.name]);
  replaceRow(model, (await state.log.request(key, "get", recordPath(model, row)))?.body?.data);
}

/** The record's history shows the update, and reverting it puts the old value back. */
async function crawlHistory(
  state: CrawlState,
  model: CrawledModel,
  row: Row,
  field: FieldMeta,
  oldValue: unknown,
): Promise<void> {
  const key = model.meta.key;
  const res = await state.log.request(key, "history", recordPath(model, row, "/history"));
  if (res?.status !== 200) return;
  const actions: string[] = res.body.data.map((entry: Row) => entry.action);
  const global = await state.log.request(
    key,
    "history:global",
    `/api/history?model=${key}&record=${encodeURIComponent(row.$id)}`,
  );
  const globalIds = (global?.body?.data ?? []).map((entry: Row) => entry.id);
  const ownIds = res.body.data.map((entry: Row) => entry.id);
  if (global?.status === 200 && !isDeepStrictEqual(globalIds, ownIds)) {
    state.log.add(
      key,
      "history:global",
      `lists ${globalIds.join(" ")}, the record's history ${ownIds.join(" ")}`,
    );
  }
  const update = res.body.data.find((entry: Row) => entry.action === "update");
  if (!update) {
    state.log.add(key, "history", `no update entry (entries: ${actions.join(", ") || "none"})`);
    return;
  }
  if (model.sent.has(row.$id) && !actions.includes("create"))
    state.log.add(key, "history", "no create entry");
  const reverted = await state.log.request(
    key,
    "revert",
    `/api/history/${encodeURIComponent(update.id)}/revert`,
    {
      method: "POST",
      body: {},
    },
  );
  if (reverted?.status !== 200) return;
  const back = await state.log.request(key, "revert", recordPath(model, row));
  if (back?.status === 200 && !isDeepStrictEqual(back.body.data[field.name], oldValue)) {
    state.log.add(
      key,
      "revert",
      `${field.name} is ${JSON.stringify(back.body.data[field.name])}, not ${JSON.stringify(oldValue)} again`,
    );
  }
}

export async function crawlPreviews(state: CrawlState, model: CrawledModel): Promise<void> {
  const key = model.meta.key;
  for (const row of model.rows) {
    const res = await state.log.request(key, "delete-preview", recordPath(model, row, "/delete-preview"));
    const preview = res?.status === 200 ? res.body.data : undefined;
    if (!preview) continue;
    const shaped = ["cascades", "setNull", "blockers"].every((name) => Array.isArray(preview[name]));
    if (!shaped || typeof preview.canDelete !== "boolean") {
      state.log.add(key, "delete-preview", `unexpected shape: ${JSON.stringify(preview).slice(0, 200)}`);
    }
  }
}

function replaceRow(model: CrawledModel, row: Row | undefined): void {
  if (!row) return;
  model.rows = model.rows.map((candidate) => (candidate.$id === row.$id ? row : candidate));
}
