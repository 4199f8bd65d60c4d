/**
 * Every channel that returns or filters data, called by one signed-in role on one record: list, record, look-up,
 * counts, meta, the OpenAPI document, delete preview, export, history (the record's, the model's, one entry),
 * revert, update, create and the conflicts of update, delete and bulk delete. The leak tests run each class of
 * leak over all of them, so a channel that forgets the principal's view fails whichever class it breaks.
 */
import { expect } from "vitest";
import type { ApiResponse } from "./apiResponse.js";
import type { TestApi, TestSession } from "./openTestApi.js";

export interface ChannelSubject {
  /** URL key of the model. */
  model: string;
  /** Creates a fresh record as the superuser (so it has history) and resolves its `$id`. */
  fresh(): Promise<string>;
  /** A change the role may make, applied by the superuser first (then reverted by the role), then by the role. */
  change: Record<string, unknown>;
  /** A record the role may create, when it may add. */
  create?: () => Record<string, unknown>;
}

export interface ChannelAnswers {
  /** Each channel's answer, by channel name. */
  answers: [string, ApiResponse][];
  /** Channel name, the `$version` its answer carried, and the one the role's GET gave right after. */
  versions: [string, unknown, unknown][];
}

const stale = "stale-version";

export async function callEveryChannel(
  api: TestApi,
  session: TestSession,
  subject: ChannelSubject,
): Promise<ChannelAnswers> {
  const { model } = subject;
  const id = await subject.fresh();
  const path = `/api/records/${model}/${encodeURIComponent(id)}`;
  const answers: [string, ApiResponse][] = [];
  const versions: [string, unknown, unknown][] = [];
  const call = async (channel: string, status: number, answer: Promise<ApiResponse>) => {
    const response = await answer;
    expect(response.status, `${channel}: ${response.text.slice(0, 300)}`).toBe(status);
    answers.push([channel, response]);
    return response;
  };
  /** Compares the `$version` an answer carried with the one the role's own GET gives now. */
  const versionOf = async (channel: string, row: { $id: string; $version?: unknown } | undefined) => {
    expect(row, `${channel} carries a ${model}`).toBeDefined();
    const read = await session.get(`/api/records/${model}/${encodeURIComponent(row?.$id ?? "")}`);
    versions.push([channel, row?.$version, read.body?.data?.$version]);
  };

  const list = await call("list", 200, session.get(`/api/records/${model}?perPage=200`));
  await versionOf(
    "list",
    list.body.data.find((row: { $id: string }) => row.$id === id),
  );
  await versionOf("record", (await call("record", 200, session.get(path))).body.data);
  await call("lookup", 200, session.get(`/api/lookup/${model}`));
  await call("counts", 200, session.get("/api/counts"));
  await call("meta", 200, session.get("/api/meta"));
  await call("openapi", 200, session.get("/api/openapi.json"));
  await call("delete preview", 200, session.get(`${path}/delete-preview`));
  await call("export", 200, session.get(`/api/export/${model}?format=json`));

  expect((await api.patch(path, subject.change)).status).toBe(200);
  const [entry] = (await api.get(`${path}/history`)).body.data;
  await call("record history", 200, session.get(`${path}/history`));
  await call("model history", 200, session.get(`/api/history?model=${model}`));
  await call("history entry", 200, session.get(`/api/history/${entry.id}`));
  const reverted = await call("revert", 200, session.post(`/api/history/${entry.id}/revert`, {}));
  await versionOf("revert", reverted.body.data.record);

  const loaded = (await session.get(path)).body.data;
  const updated = await call(
    "update",
    200,
    session.patch(path, { ...subject.change, $version: loaded.$version }),
  );
  await versionOf("update", updated.body.data);
  const conflict = await call("conflict", 409, session.patch(path, { ...subject.change, $version: stale }));
  await versionOf("conflict", conflict.body.error.details.current);
  const deleteConflict = await call("delete conflict", 409, session.delete(`${path}?version=${stale}`));
  await versionOf("delete conflict", deleteConflict.body.error.details.current);
  const bulk = await call(
    "bulk delete conflict",
    409,
    session.post(`/api/records/${model}/delete-many`, { ids: [id], versions: { [id]: stale } }),
  );
  await versionOf("bulk delete conflict", bulk.body.error.details.current[0]);
  if (subject.create) {
    const created = await call("create", 201, session.post(`/api/records/${model}`, subject.create()));
    await versionOf("create", created.body.data);
  }
  return { answers, versions };
}
