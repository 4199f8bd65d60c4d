/** The query parameters of the history routes (`?model=&record=&actor=&action=&cause=&top=&before=&limit=`). */
import { type AuditAction, type AuditFilter, auditActions } from "@atrium/auth";
import { AtriumError, decodeRecordId, encodeRecordId } from "@atrium/core";
import type { Context } from "hono";
import type { ResolvedOptions } from "../appOptions.js";
import { resolveModel } from "../resolveModel.js";

/** Largest page of entries one request may ask for. */
export const maxHistoryLimit = 200;

/** Bad values answer 400 naming the parameter. */
export function historyFilter(options: ResolvedOptions, c: Context): AuditFilter {
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
  const cause = query("cause");
  if (cause !== undefined) filter.causeId = cause;
  const top = query("top");
  if (top !== undefined) {
    if (top !== "true" && top !== "false") throw badFilter("top", "Expected true or false");
    filter.topLevel = top === "true";
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
