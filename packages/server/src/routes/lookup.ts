import { AtriumError, toRecordRef } from "@atrium/core";
import { Hono } from "hono";
import type { ResolvedOptions } from "../appOptions.js";
import { accessOf } from "../auth/requestAccess.js";
import { methodNotAllowed } from "../middleware/methodNotAllowed.js";
import { resolveModel } from "../resolveModel.js";

/**
 * `GET /api/lookup/{key}?q=&limit=`: the `{ $id, $label }` pairs a relation picker offers, searched and labelled
 * as the user sees the model (paths through models they may not view search nothing, and label by the id).
 */
export function lookupRoutes(options: ResolvedOptions): Hono {
  const app = new Hono();
  app.get("/:key", async (c) => {
    const model = resolveModel(options.schema, c.req.param("key"));
    const access = accessOf(c, options.schema);
    access.require(model, "view");
    const search = c.req.query("q")?.trim() || undefined;
    const unsearchable = search === undefined ? undefined : access.unsearchable(model);
    // A search over no fields would answer every record as if it matched.
    if (unsearchable) throw new AtriumError("bad_request", unsearchable, { fields: { q: unsearchable } });
    const limit = parseLimit(c.req.query("limit"), options.lookupLimit);
    const rows = await options.dataSource.lookup(access.dataModel(model), search, limit, {
      viewSchema: access.view.schema,
    });
    const visible = access.viewModel(model);
    return c.json({ data: rows.map((row) => toRecordRef(visible, row, access.view.schema)) });
  });
  app.all("/:key", methodNotAllowed(["GET"]));
  return app;
}

/** Absent means the cap; a bigger number is capped rather than refused, since pickers just want "enough". */
export function parseLimit(raw: string | undefined, cap: number): number {
  if (raw === undefined || raw === "") return cap;
  // Digits only: Number() would also take " 5", "0x10" and "1e1".
  const limit = /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
  if (limit < 1) {
    const message = `limit must be a whole number from 1 to ${cap}`;
    throw new AtriumError("bad_request", message, { fields: { limit: message } });
  }
  return Math.min(limit, cap);
}
