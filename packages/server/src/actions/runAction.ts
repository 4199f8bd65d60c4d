/**
 * `POST /api/records/{key}/actions/{name}` with `{ ids, params }`: runs a configured action's handler on the
 * records, as the user may see them, in one transaction with its audit entry. Answers `{ data: { message, count } }`,
 * or, when the client accepts `application/x-ndjson`, a stream of `{ type: "progress", done, total }` lines
 * ending with `{ type: "done", message, count }` or the error (progress/progressStream.ts).
 */
import { type AuditChanges, actionPermission, can } from "@atrium/auth";
import {
  AtriumError,
  decodeRecordId,
  encodeWireValue,
  inSentence,
  type ModelMeta,
  type WireRow,
} from "@atrium/core";
import type { Context, Handler } from "hono";
import type { ResolvedOptions } from "../appOptions.js";
import { accessOf, type RequestAccess } from "../auth/requestAccess.js";
import { systemActor } from "../history/storeAuditSink.js";
import { progressStream, throttled, wantsProgress } from "../progress/progressStream.js";
import { readJsonBody } from "../readJsonBody.js";
import { resolveModel } from "../resolveModel.js";
import { recordActions } from "../routes/recordActions.js";
import { actionRecord, actionSink } from "./actionAudit.js";
import { decodeActionInput } from "./actionInput.js";
import type { ModelActionsMap, ServerAction } from "./actionTypes.js";

export interface ActionAnswer {
  message: string;
  count: number;
}

export function runActionRoute(options: ResolvedOptions, actions: ModelActionsMap): Handler {
  return async (c) => {
    const model = resolveModel(options.schema, c.req.param("key") ?? "");
    const access = accessOf(c, options.schema);
    access.require(model, "view");
    const action = findAction(actions, model, c.req.param("name") ?? "");
    requireRun(access, model, action);
    const body = await readJsonBody(c, options.maxBodyBytes);
    const input = decodeActionInput(access.view.schema, model, action, body, options.maxBulkIds);
    const run = (progress: (done: number, total: number) => void) =>
      runAction(options, c, access, model, action, input.ids, input.params, progress);
    if (wantsProgress(c)) {
      return progressStream<{ done: number; total: number }>(c, options, {
        run: (report) => {
          const step = throttled(report, (progress) => progress.done >= progress.total);
          return run((done, total) => step({ done, total }));
        },
      });
    }
    return c.json({ data: await run(() => {}) });
  };
}

/** Whether the user may run the action; what `GET /api/meta` offers them is what this allows. */
export function mayRun(access: RequestAccess, model: ModelMeta, action: ServerAction): boolean {
  if (action.permission !== "run") return access.can(model.key, action.permission);
  return !access.principal || can(access.principal, actionPermission(model.key, action.name));
}

function findAction(actions: ModelActionsMap, model: ModelMeta, name: string): ServerAction {
  const action = actions.get(model.key)?.find((candidate) => candidate.name === name);
  if (!action) {
    throw new AtriumError("not_found", `${model.labelPlural} have no action '${name.slice(0, 100)}'`);
  }
  return action;
}

function requireRun(access: RequestAccess, model: ModelMeta, action: ServerAction): void {
  if (mayRun(access, model, action)) return;
  const permission =
    action.permission === "run"
      ? actionPermission(model.key, action.name)
      : `model:${model.key}:${action.permission}`;
  throw new AtriumError(
    "forbidden",
    `You may not run '${action.label}' on ${inSentence(model.labelPlural)}; ask an administrator for the permission '${permission}'`,
  );
}

async function runAction(
  options: ResolvedOptions,
  c: Context,
  access: RequestAccess,
  model: ModelMeta,
  action: ServerAction,
  ids: string[],
  params: Record<string, unknown>,
  progress: (done: number, total: number) => void,
): Promise<ActionAnswer> {
  const actor = options.actorOf(c) ?? null;
  const entry = {
    model: model.key,
    recordId: action.kind === "record" || ids.length === 1 ? (ids[0] ?? null) : null,
    name: action.name,
    label: action.label,
    ids,
    params: wireParams(action, params),
    actor,
  };
  const audit = options.audit ? actionSink(options.audit, entry) : undefined;
  const result = await options.dataSource.transaction(async (source) => {
    const records: WireRow[] = [];
    for (const id of ids) {
      const row = await source.get(access.dataModel(model), decodeRecordId(model, id));
      if (!row) throw missing(model, ids.length);
      records.push(access.serialize(model, row));
    }
    const scoped = { ...options, dataSource: source, ...(audit ? { audit: audit.sink } : {}) };
    const answer = await action.handler({
      model: model.key,
      ids: [...ids],
      records,
      params: { ...params },
      db: recordActions(scoped, c),
      user: actor,
      progress,
    });
    return answer ?? {};
  });
  // A handler that wrote nothing (it sent mail, say) is still recorded; there is no transaction to join then.
  if (audit && !audit.written() && options.history?.appendAudit) {
    const { actor: _actor, ...record } = actionRecord(entry);
    await options.history.appendAudit({
      ...record,
      changes: record.changes as AuditChanges,
      at: new Date(),
      actorId: actor?.id ?? null,
      actorEmail: actor?.email ?? systemActor,
      revertOf: null,
      causeId: null,
    });
  }
  const records = ids.length === 1 ? inSentence(model.label) : inSentence(model.labelPlural);
  const message =
    typeof result.message === "string" && result.message !== ""
      ? result.message
      : `${action.label}: ${ids.length} ${records}.`;
  return { message, count: ids.length };
}

function missing(model: ModelMeta, count: number): AtriumError {
  const what =
    count === 1
      ? `This ${inSentence(model.label)} no longer exists`
      : `Some of the selected ${inSentence(model.labelPlural)} no longer exist`;
  return new AtriumError("not_found", `${what}; reload the list and try again`);
}

function wireParams(action: ServerAction, params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of action.params) {
    if (params[field.name] !== undefined) out[field.name] = encodeWireValue(field, params[field.name]);
  }
  return out;
}
