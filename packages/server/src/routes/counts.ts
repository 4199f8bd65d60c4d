import type { CountResult } from "@atrium/core";
import { Hono } from "hono";
import type { ResolvedOptions } from "../appOptions.js";
import { accessOf } from "../auth/requestAccess.js";
import { mapWithConcurrency } from "../mapWithConcurrency.js";
import { methodNotAllowed } from "../middleware/methodNotAllowed.js";

/** Counts run a few at a time: on big tables each is a scan, and a schema may have hundreds of models. */
const countConcurrency = 4;

/** `GET /api/counts`: one `{ total, isEstimate }` per model key, for the home page. */
export function countRoutes(options: ResolvedOptions): Hono {
  const app = new Hono();
  app.get("/", async (c) => {
    const { dataSource, logger } = options;
    const access = accessOf(c, options.schema);
    // Only the models this user may view: a count is already information about a table.
    const models = options.schema.models.filter((model) => access.can(model.key, "view"));
    const counts = await mapWithConcurrency(models, countConcurrency, async (model) => {
      try {
        return await dataSource.count(model);
      } catch (error) {
        // One unreadable table must not blank the whole home page; its count shows as unknown instead.
        logger(`atrium: counting ${model.name} failed`, error);
        return { total: null, isEstimate: false } satisfies CountResult;
      }
    });
    const data: Record<string, CountResult> = {};
    models.forEach((model, index) => {
      const count = counts[index];
      if (count) data[model.key] = { total: count.total, isEstimate: count.isEstimate };
    });
    return c.json({ data });
  });
  app.all("/", methodNotAllowed(["GET"]));
  return app;
}
