/**
 * The same schema through the eyes of a role that may view every model and change nothing: every read answers
 * what the superuser's does (no role-specific rule is configured, so nothing more is hidden), and every write,
 * bulk delete and revert is refused with 403 before it touches anything.
 */
import { isDeepStrictEqual } from "node:util";
import type { TestSession } from "../openTestApi.js";
import { type CrawledModel, type CrawlState, modelPath, type Row, recordPath } from "./crawlState.js";

export async function crawlViewer(state: CrawlState, models: CrawledModel[]): Promise<void> {
  const viewer = await state.api.userSession(`viewer-${state.log.schema}@zoo.test`, {
    // Every model, so that relation labels show as they do to the superuser (a model the role may not view is
    // seen by id only, which is right, but not what this pass compares).
    permissions: ["model:*:view"],
  });
  for (const model of models) await crawlAsViewer(state, model, viewer);
}

async function crawlAsViewer(state: CrawlState, model: CrawledModel, viewer: TestSession): Promise<void> {
  const key = model.meta.key;
  const as = viewer;
  const list = await state.log.request(key, "viewer:list", modelPath(model, "?perPage=200"), { as });
  if (list?.status === 200 && !isDeepStrictEqual(list.body.data, model.rows)) {
    state.log.add(key, "viewer:list", "answers other rows than the superuser's list");
  }
  const row: Row | undefined = model.rows[0];
  await state.log.request(key, "viewer:lookup", `/api/lookup/${key}`, { as });
  await state.log.request(key, "viewer:create", modelPath(model), {
    as,
    method: "POST",
    body: {},
    expect: [403],
  });
  await state.log.request(key, "viewer:delete-many", modelPath(model, "/delete-many"), {
    as,
    method: "POST",
    body: { ids: row ? [row.$id] : ["1"] },
    expect: [403],
  });
  if (!row) return;
  const got = await state.log.request(key, "viewer:get", recordPath(model, row), { as });
  if (got?.status === 200 && !isDeepStrictEqual(got.body.data, row)) {
    state.log.add(key, "viewer:get", "answers another row than the superuser's");
  }
  await state.log.request(key, "viewer:delete-preview", recordPath(model, row, "/delete-preview"), { as });
  const history = await state.log.request(key, "viewer:history", recordPath(model, row, "/history"), { as });
  await state.log.request(key, "viewer:patch", recordPath(model, row), {
    as,
    method: "PATCH",
    body: {},
    expect: [403],
  });
  await state.log.request(key, "viewer:delete", recordPath(model, row), {
    as,
    method: "DELETE",
    expect: [403],
  });
  const entry = history?.body?.data?.[0];
  if (entry) {
    await state.log.request(key, "viewer:revert", `/api/history/${encodeURIComponent(entry.id)}/revert`, {
      as,
      method: "POST",
      body: {},
      expect: [403],
    });
  }
}
