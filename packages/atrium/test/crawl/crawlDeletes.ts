/**
 * The delete channels of one model, once every model has been read: DELETE with `?version=` of its last record,
 * then a revert of that delete, which must bring it back as it was; and `delete-many` of the record before it.
 * Each expects what the record's delete preview announced: done, or refused with 409 when something blocks it.
 */
import { isDeepStrictEqual } from "node:util";
import { type CrawledModel, type CrawlState, modelPath, type Row, recordPath } from "./crawlState.js";

export async function crawlDeletes(state: CrawlState, model: CrawledModel): Promise<void> {
  if (model.meta.permissions?.delete === false) return;
  const last = await current(state, model, model.rows.at(-1));
  if (last && (await deleteOne(state, model, last))) await revertDelete(state, model, last);
  const before = await current(state, model, model.rows.at(-2));
  if (before) await deleteInBulk(state, model, before);
}

/** The record as stored now; undefined when a delete of another record has taken it with it. */
async function current(
  state: CrawlState,
  model: CrawledModel,
  row: Row | undefined,
): Promise<Row | undefined> {
  if (!row) return undefined;
  const res = await state.log.request(model.meta.key, "delete", recordPath(model, row), {
    expect: [200, 404],
  });
  return res?.status === 200 ? res.body.data : undefined;
}

/** Whether the delete preview says nothing blocks the delete; undefined when it could not be read. */
async function canDelete(state: CrawlState, model: CrawledModel, row: Row): Promise<boolean | undefined> {
  const preview = await state.log.request(
    model.meta.key,
    "delete-preview",
    recordPath(model, row, "/delete-preview"),
  );
  const answer = preview?.body?.data?.canDelete;
  return typeof answer === "boolean" ? answer : undefined;
}

async function deleteOne(state: CrawlState, model: CrawledModel, row: Row): Promise<boolean> {
  const key = model.meta.key;
  const allowed = await canDelete(state, model, row);
  if (allowed === undefined) return false;
  const path = recordPath(model, row, `?version=${encodeURIComponent(row.$version)}`);
  const res = await state.log.request(key, "delete", path, {
    method: "DELETE",
    expect: [allowed ? 204 : 409],
  });
  if (!allowed || res?.status !== 204) return false;
  await state.log.request(key, "delete", recordPath(model, row), { expect: [404] });
  return true;
}

/**
 * Reverting the delete re-creates the record with its id and values. A model with a required field hidden from
 * everyone cannot come back (its value was never recorded): a 409 saying so is the right answer there.
 */
async function revertDelete(state: CrawlState, model: CrawledModel, row: Row): Promise<void> {
  const key = model.meta.key;
  const history = await state.log.request(key, "history", recordPath(model, row, "/history"));
  if (history?.status !== 200) return;
  const entry = history.body.data.find((candidate: Row) => candidate.action === "delete");
  if (!entry) {
    state.log.add(key, "history", "the delete is not recorded");
    return;
  }
  const shown = new Set(model.meta.fields.map((field) => field.name));
  const unrecorded = model.full.fields.some(
    (field) => field.isRequired && !field.hasDefault && field.kind !== "relation" && !shown.has(field.name),
  );
  const reverted = await state.log.request(
    key,
    "revert:delete",
    `/api/history/${encodeURIComponent(entry.id)}/revert`,
    {
      method: "POST",
      body: {},
      expect: unrecorded ? [409] : [200],
    },
  );
  if (reverted?.status !== 200) {
    model.rows = model.rows.filter((candidate) => candidate.$id !== row.$id);
    return;
  }
  const back = await state.log.request(key, "revert:delete", recordPath(model, row));
  if (back?.status !== 200) return;
  const kept = (candidate: Row) => storedValues(model, candidate);
  if (!isDeepStrictEqual(kept(back.body.data), kept(row))) {
    state.log.add(
      key,
      "revert:delete",
      `came back different: ${JSON.stringify(kept(back.body.data)).slice(0, 300)}`,
    );
  }
}

/** What a record stores itself: its version and its own fields, not what other records hold about it. */
function storedValues(model: CrawledModel, row: Row): Row {
  const values: Row = { $id: row.$id, $version: row.$version };
  for (const field of model.meta.fields) {
    if (field.isUpdatedAt || (field.relation && field.relation.fromFields.length === 0)) continue;
    values[field.name] = row[field.name];
  }
  return values;
}

async function deleteInBulk(state: CrawlState, model: CrawledModel, row: Row): Promise<void> {
  const key = model.meta.key;
  const allowed = await canDelete(state, model, row);
  if (allowed === undefined) return;
  const res = await state.log.request(key, "delete-many", modelPath(model, "/delete-many"), {
    method: "POST",
    body: { ids: [row.$id], versions: { [row.$id]: row.$version } },
    expect: [allowed ? 200 : 409],
  });
  if (!allowed || res?.status !== 200) return;
  if (res.body.deleted !== 1) state.log.add(key, "delete-many", `deleted ${res.body.deleted}, not 1`);
  await state.log.request(key, "delete-many", recordPath(model, row), { expect: [404] });
  model.rows = model.rows.filter((candidate) => candidate.$id !== row.$id);
}
