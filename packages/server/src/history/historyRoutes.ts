/**
 * The audit history: `GET /api/history` (global, filterable, newest first, keyset-paged),
 * `GET /api/history/{entryId}`, `GET /api/records/{key}/{id}/history`, `POST /api/history/{entryId}/revert`.
 * `?cause={entryId}` lists what one entry caused (the records a delete took with it, the parts of a revert);
 * `?top=true` leaves such entries out, listing only what users did themselves.
 * Entries are never edited or deleted through the API: those methods answer 405.
 */
import { type AuditEntry, type AuditFilter, type ModelAction, redactedValue } from "@atrium/auth";
import { AtriumError, decodeRecordId, encodeRecordId, inSentence } from "@atrium/core";
import { Hono } from "hono";
import { type ResolvedOptions, writeContext } from "../appOptions.js";
import { accessOf, type RequestAccess } from "../auth/requestAccess.js";
import { methodNotAllowed } from "../middleware/methodNotAllowed.js";
import { resolveModel } from "../resolveModel.js";
import { historyFilter } from "./historyFilter.js";
import type { HistoryStore } from "./historyStore.js";
import { revertEntry } from "./revertEntry.js";

export function historyRoutes(options: ResolvedOptions, store: HistoryStore): Hono {
  const app = new Hono();

  app.get("/history", async (c) => {
    const filter = historyFilter(options, c);
    const access = accessOf(c, options.schema);
    if (filter.model) access.require(resolveModel(options.schema, filter.model), "view");
    return c.json(await page(store, options, filter, access));
  });
  app.all("/history", methodNotAllowed(["GET"]));

  app.get("/history/:entryId", async (c) => {
    const access = accessOf(c, options.schema);
    const entry = await requireEntry(store, c.req.param("entryId"));
    if (!mayView(access, entry)) throw hiddenEntry(c.req.param("entryId"));
    const [shown] = await withCausedCounts(store, options, access, [entry]);
    return c.json({ data: shown });
  });
  app.all("/history/:entryId", methodNotAllowed(["GET"]));

  app.post("/history/:entryId/revert", async (c) => {
    const entry = await requireEntry(store, c.req.param("entryId"));
    const access = accessOf(c, options.schema);
    if (!mayView(access, entry)) throw hiddenEntry(c.req.param("entryId"));
    const caused = await revertedWith(store, entry);
    requireRevert(options, access, entry, caused);
    const model = entry.model ? resolveModel(options.schema, entry.model) : undefined;
    const result = await revertEntry({
      schema: options.schema,
      dataSource: options.dataSource,
      entry,
      caused,
      context: writeContext(options, c),
      // A 409's current row must not carry what this user may not read (hidden and write-only values).
    }).catch((error: unknown) => Promise.reject(model ? access.redactError(model, error) : error));
    const revert = result.revertId ? await store.getAudit(result.revertId) : null;
    // Through the same view as a GET: fields, relation labels and `$version` as this user sees them.
    const shown = result.record && model ? access.serialize(model, result.record) : null;
    const [revertJson = null] = revert ? await withCausedCounts(store, options, access, [revert]) : [];
    // Said only of fields the user sees: of the others they know nothing, not even the name.
    const unrecorded = model
      ? access
          .viewModel(model)
          .fields.filter((field) => result.unrecorded.includes(field.name))
          .map((field) => field.label)
      : [];
    return c.json({ data: { record: shown, entry: revertJson, unrecorded } });
  });
  app.all("/history/:entryId/revert", methodNotAllowed(["POST"]));

  app.get("/records/:key/:id/history", async (c) => {
    const model = resolveModel(options.schema, c.req.param("key"));
    const access = accessOf(c, options.schema);
    access.require(model, "view");
    // Canonical text, so that history is found whatever equivalent spelling of the id the URL used.
    const recordId = encodeRecordId(model, decodeRecordId(model, c.req.param("id")));
    const filter = { ...historyFilter(options, c), model: model.key, recordId };
    return c.json(await page(store, options, filter, access));
  });
  app.all("/records/:key/:id/history", methodNotAllowed(["GET"]));

  return app;
}

/** Store pages read while looking for entries this user may see, before answering with fewer than asked. */
const maxScannedPages = 10;

async function page(
  store: HistoryStore,
  options: ResolvedOptions,
  filter: AuditFilter,
  access: RequestAccess,
) {
  const limit = filter.limit ?? 50;
  const kept: AuditEntry[] = [];
  let before = filter.before;
  let exhausted = false;
  // One more than asked tells whether an older page exists without counting the table. Entries of models the
  // user may not view are skipped, which may take several store pages.
  for (let scanned = 0; scanned < maxScannedPages && kept.length <= limit; scanned++) {
    const entries = await store.listAudit({
      ...filter,
      limit: limit + 1,
      ...(before ? { before } : {}),
    });
    for (const entry of entries) if (mayView(access, entry)) kept.push(entry);
    before = entries[entries.length - 1]?.id;
    if (entries.length <= limit || !before) {
      exhausted = true;
      break;
    }
  }
  const shown = kept.slice(0, limit);
  const more = kept.length > limit || (!exhausted && before !== undefined);
  const next = more ? (kept.length > limit ? shown[shown.length - 1]?.id : before) : undefined;
  return { data: await withCausedCounts(store, options, access, shown), nextBefore: next ?? null };
}

function isDelete(entry: AuditEntry): boolean {
  return entry.action === "delete" || entry.action === "bulk_delete";
}

/**
 * Entries as the user may see them, each with `caused`: how many entries of models they may view it caused
 * (what a delete took with it, the parts of a revert or an action, the inline rows saved with a change),
 * counted in one query for the page.
 */
async function withCausedCounts(
  store: HistoryStore,
  options: ResolvedOptions,
  access: RequestAccess,
  entries: AuditEntry[],
) {
  const causes = entries.filter((entry) => entry.model !== null).map((e) => e.id);
  const viewable = access.principal
    ? options.schema.models.filter((model) => access.can(model.key, "view")).map((model) => model.key)
    : undefined;
  const counts = causes.length > 0 ? await store.countCausedAudit(causes, viewable) : new Map();
  return entries.map((entry) => ({ ...visibleEntry(access, entry), caused: counts.get(entry.id) ?? 0 }));
}

/**
 * What a revert of `entry` undoes with it: for a delete, what it took with it; for a change, the inline rows
 * saved with it (saveWithInlines.ts) and what the removal of any of them took with it; for a create, the
 * records created with it (a generated or imported batch, a parent's inline rows).
 */
async function revertedWith(store: HistoryStore, entry: AuditEntry): Promise<AuditEntry[]> {
  if (isDelete(entry)) return listCaused(store, entry.id);
  if (entry.action !== "update" && entry.action !== "create") return [];
  const rows = await listCaused(store, entry.id);
  const removals = rows.filter((row) => row.action === "delete");
  const taken = await Promise.all(removals.map((row) => listCaused(store, row.id)));
  return [...rows, ...taken.flat()];
}

/** Every entry `causeId` caused, oldest first (the order they were written in). */
async function listCaused(store: HistoryStore, causeId: string): Promise<AuditEntry[]> {
  const caused: AuditEntry[] = [];
  let before: string | undefined;
  for (;;) {
    const page = await store.listAudit({ causeId, limit: 1000, ...(before ? { before } : {}) });
    caused.push(...page);
    before = page[page.length - 1]?.id;
    if (page.length < 1000 || !before) return caused.reverse();
  }
}

/** Sign-in events belong to no model: only superusers see them (when sign-in is on). */
function mayView(access: RequestAccess, entry: AuditEntry): boolean {
  if (!access.principal) return true;
  if (entry.model === null) return access.principal.isSuperuser;
  return access.can(entry.model, "view");
}

function hiddenEntry(id: string): AtriumError {
  return new AtriumError("not_found", `No history entry has the id '${id.slice(0, 100)}'`);
}

/**
 * A revert is a write: it needs the permission of what it does (re-creating a deleted record needs `add`,
 * deleting a created one `delete`, undoing a change `change`), for the entry and for every entry it brings back
 * with it. Undoing a change may not set fields this user cannot see; re-creating a record restores all of it
 * as it was recorded, hidden fields included (they stay hidden in the answer), and deleting one sets nothing.
 */
function requireRevert(
  options: ResolvedOptions,
  access: RequestAccess,
  entry: AuditEntry,
  caused: AuditEntry[],
): void {
  if (!access.principal) return;
  for (const each of [entry, ...caused]) {
    if (!each.model) continue;
    const model = resolveModel(options.schema, each.model);
    access.require(model, revertAction(each));
    if (each.action !== "update") continue;
    const hidden = access.view.hidden.get(model.key) ?? new Set<string>();
    const touched = Object.keys(each.changes).filter((name) => hidden.has(name));
    if (touched.length === 0) continue;
    const settable = access.view.writeOnly.get(model.key) ?? new Set<string>();
    if (touched.every((name) => settable.has(name))) {
      // Write-only fields are known to the user (their forms set them): say which one stands in the way.
      const labels = touched.map((name) => model.fields.find((field) => field.name === name)?.label ?? name);
      throw new AtriumError(
        "conflict",
        `This change set ${labels.join(", ")}, whose values the history never keeps; it cannot be reverted. Edit the record instead`,
      );
    }
    const whose = each === entry ? "This change" : `A ${inSentence(model.label)} it brings back`;
    throw new AtriumError("forbidden", `${whose} touched fields hidden from you; ask an administrator`);
  }
}

function revertAction(entry: AuditEntry): ModelAction {
  if (isDelete(entry)) return "add";
  if (entry.action === "create") return "delete";
  return "change";
}

/**
 * An entry without the changes of fields hidden from this user. Write-only fields are known to them (their forms
 * set them): that such a field changed is shown, never a value.
 */
function visibleEntry(access: RequestAccess, entry: AuditEntry) {
  const hidden = entry.model ? access.view.hidden.get(entry.model) : undefined;
  if (!hidden || hidden.size === 0) return entryJson(entry);
  const settable = (entry.model ? access.view.writeOnly.get(entry.model) : undefined) ?? new Set<string>();
  const changes: AuditEntry["changes"] = {};
  for (const [name, change] of Object.entries(entry.changes)) {
    if (!hidden.has(name)) changes[name] = change;
    else if (settable.has(name)) changes[name] = { old: masked(change.old), new: masked(change.new) };
  }
  return entryJson({ ...entry, changes });
}

/** Entries written before a field was made write-only may hold its value: it is never served. */
function masked(value: unknown) {
  return value === null ? null : redactedValue;
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
    causeId: entry.causeId,
  };
}
