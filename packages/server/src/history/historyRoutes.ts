/**
 * The audit history: `GET /api/history` (global, filterable, newest first, keyset-paged),
 * `GET /api/history/{entryId}`, `GET /api/records/{key}/{id}/history`, `POST /api/history/{entryId}/revert`.
 * Entries are never edited or deleted through the API: those methods answer 405.
 */
import { type AuditAction, type AuditEntry, type AuditFilter, auditActions } from "@atrium/auth";
import { AtriumError, decodeRecordId, encodeRecordId } from "@atrium/core";
import { type Context, Hono } from "hono";
import { type ResolvedOptions, writeContext } from "../appOptions.js";
import { methodNotAllowed } from "../middleware/methodNotAllowed.js";
import { resolveModel } from "../resolveModel.js";
import type { HistoryStore } from "./historyStore.js";
import { revertEntry } from "./revertEntry.js";

/** Largest page of entries one request may ask for. */
export const maxHistoryLimit = 200;

export function historyRoutes(options: ResolvedOptions, store: HistoryStore): Hono {
  const app = new Hono();

  app.get("/history", async (c) => {
    const filter = historyFilter(options, c);
    return c.json(await page(store, filter));
  });
  app.all("/history", methodNotAllowed(["GET"]));

  app.get("/history/:entryId", async (c) => {
    return c.json({ data: entryJson(await requireEntry(store, c.req.param("entryId"))) });
  });
  app.all("/history/:entryId", methodNotAllowed(["GET"]));

  app.post("/history/:entryId/revert", async (c) => {
    const entry = await requireEntry(store, c.req.param("entryId"));
    const record = await revertEntry({
      schema: options.schema,
      dataSource: options.dataSource,
      entry,
      context: writeContext(options, c),
    });
    const [revert] = await store.listAudit({ limit: 1, ...(entry.model ? { model: entry.model } : {}) });
    return c.json({ data: { record, entry: revert?.revertOf === entry.id ? entryJson(revert) : null } });
  });
  app.all("/history/:entryId/revert", methodNotAllowed(["POST"]));

  app.get("/records/:key/:id/history", async (c) => {
    const model = resolveModel(options.schema, c.req.param("key"));
    // Canonical text, so that history is found whatever equivalent spelling of the id the URL used.
    const recordId = encodeRecordId(model, decodeRecordId(model, c.req.param("id")));
    const filter = { ...historyFilter(options, c), model: model.key, recordId };
    return c.json(await page(store, filter));
  });
  app.all("/records/:key/:id/history", methodNotAllowed(["GET"]));

  return app;
}

async function page(store: HistoryStore, filter: AuditFilter) {
  const limit = filter.limit ?? 50;
  // One more than asked tells whether an older page exists without counting the table.
  const entries = await store.listAudit({ ...filter, limit: limit + 1 });
  const shown = entries.slice(0, limit);
  const next = entries.length > limit ? shown[shown.length - 1]?.id : undefined;
  return { data: shown.map(entryJson), nextBefore: next ?? null };
}

async function requireEntry(store: HistoryStore, id: string): Promise<AuditEntry> {
  const entry = id.length <= 100 ? await store.getAudit(id) : null;
  if (!entry) throw new AtriumError("not_found", `No history entry has the id '${id.slice(0, 100)}'`);
  return entry;
}

/** An entry as the API sends it. */
export function entryJson(entry: AuditEntry) {
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    actor: { id: entry.actorId, email: entry.actorEmail },
    action: entry.action,
    model: entry.model,
    recordId: entry.recordId,
    changes: entry.changes,
    revertOf: entry.revertOf,
  };
}

function historyFilter(options: ResolvedOptions, c: Context): AuditFilter {
  const query = (name: string) => {
    const value = c.req.query(name);
    return value === undefined || value === "" ? undefined : value;
  };
  const filter: AuditFilter = {};
  const model = query("model");
  if (model !== undefined) filter.model = resolveFilterModel(options, model);
  const record = query("record");
  if (record !== undefined) {
    if (model === undefined) throw badFilter("record", "Give model=<key> with record=<$id>");
    const target = resolveModel(options.schema, model);
    filter.recordId = encodeRecordId(target, decodeRecordId(target, record));
  }
  const actor = query("actor");
  if (actor !== undefined) filter.actorId = actor;
  const action = query("action");
  if (action !== undefined) {
    if (!auditActions.includes(action as AuditAction)) {
      throw badFilter("action", `Expected one of: ${auditActions.join(", ")}`);
    }
    filter.action = action as AuditAction;
  }
  const before = query("before");
  if (before !== undefined) filter.before = before;
  const limit = query("limit");
  if (limit !== undefined) {
    const value = Number(limit);
    if (!/^\d+$/.test(limit) || value < 1 || value > maxHistoryLimit) {
      throw badFilter("limit", `Expected a whole number from 1 to ${maxHistoryLimit}`);
    }
    filter.limit = value;
  }
  return filter;
}

function resolveFilterModel(options: ResolvedOptions, key: string): string {
  try {
    return resolveModel(options.schema, key).key;
  } catch (error) {
    if (error instanceof AtriumError) throw badFilter("model", error.message);
    throw error;
  }
}

function badFilter(name: string, message: string): AtriumError {
  return new AtriumError("bad_request", `${name}: ${message}`, { fields: { [name]: message } });
}
