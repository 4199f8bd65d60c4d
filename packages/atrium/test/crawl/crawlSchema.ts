/**
 * Crawls every model of a schema through the API of a fresh database: creates a few records of each (parents
 * first), then exercises every channel the metadata offers (list, sorts, filters, search, look-ups, counts,
 * records by `$id`, PATCH with `$version`, history and revert, delete previews, DELETE and delete-many), again
 * as a role that may only view, and reports what failed.
 * It knows nothing of the schema but what `GET /api/meta` says, like the admin UI.
 */
import { findModelByName, type SchemaMeta } from "@atrium/core";
import { createPrismaDataSource } from "@atrium/prisma";
import type { TestApi } from "../openTestApi.js";
import { crawlDeletes } from "./crawlDeletes.js";
import { CrawlLog, type Finding } from "./crawlLog.js";
import { crawlList, type ReadTask, readTasks } from "./crawlReads.js";
import type { CrawledModel, CrawlState, ViewedModel } from "./crawlState.js";
import { crawlViewer } from "./crawlViewer.js";
import { crawlPreviews, crawlUpdate } from "./crawlWrites.js";
import { createRecords, parentsFirst } from "./createRecords.js";

export interface CrawlReport {
  findings: Finding[];
  /** Models crawled, and how many requests that took. */
  models: number;
  requests: number;
  /** Requests per kind of channel. */
  channels: Record<string, number>;
  /** Models the API could not create records of, and why (their reads were crawled over arranged rows). */
  notCreated: Record<string, string>;
}

export interface CrawlOptions {
  /**
   * Every channel on every n-th model (parents-first order) only; each of the others gets one record
   * created, listed, counted and read back. For schemas of hundreds of models of one shape.
   * @default 1 (every channel of every model)
   */
  everyChannelEvery?: number;
}

export async function crawlSchema(
  api: TestApi,
  schemaName: string,
  options: CrawlOptions = {},
): Promise<CrawlReport> {
  const log = new CrawlLog(api, schemaName);
  log.start();
  try {
    const state = await prepare(api, log, options.everyChannelEvery ?? 1);
    if (!state) return report(log, []);
    await createRecords(state);
    await crawlCounts(state);
    // Reads change nothing: they run side by side, which is most of the crawl on a database over the network.
    await runAll(
      state.order.map((model) => () => crawlList(state, model)),
      concurrency,
    );
    await runAll(
      state.order.flatMap((model) => readTasks(state, model)),
      concurrency,
    );
    const everyChannel = state.order.filter((model) => model.everyChannel);
    await crawlViewer(state, everyChannel);
    for (const model of everyChannel) {
      await crawlUpdate(state, model);
      await crawlPreviews(state, model);
    }
    // Children first, so that what a delete takes with it is their own business.
    for (const model of everyChannel.reverse()) await crawlDeletes(state, model);
    return report(log, state.order);
  } finally {
    log.stop();
  }
}

async function prepare(api: TestApi, log: CrawlLog, every: number): Promise<CrawlState | undefined> {
  const meta = await log.request("*", "meta", "/api/meta");
  if (meta?.status !== 200) return undefined;
  const view = meta.body as SchemaMeta;
  const models: CrawledModel[] = [];
  for (const full of api.schema.models) {
    const viewed = findModelByName(view, full.name) as ViewedModel | undefined;
    if (!viewed) {
      log.add(full.name, "meta", "the superuser's metadata leaves this model out");
      continue;
    }
    models.push({ meta: viewed, full, rows: [], sent: new Map(), everyChannel: true });
  }
  const order = parentsFirst(models);
  // Counted from the end: the first models of a generated schema are its hubs, crawled briefly already by
  // everything that relates to them.
  for (const [index, model] of order.entries()) model.everyChannel = (index + 1) % every === 0;
  const dataSource = createPrismaDataSource({
    client: api.client,
    schema: api.schema,
    warn: (message, error) => log.add("*", "arrange", `${message}: ${String(error).slice(0, 300)}`),
  });
  return {
    api,
    log,
    view,
    order,
    byName: new Map(order.map((model) => [model.full.name, model])),
    dataSource,
  };
}

/** `/api/counts` counts what was created, exactly (the tables are small). */
async function crawlCounts(state: CrawlState): Promise<void> {
  const res = await state.log.request("*", "counts", "/api/counts");
  if (res?.status !== 200) return;
  for (const model of state.order) {
    const count = res.body.data[model.meta.key];
    if (count?.total !== model.rows.length) {
      state.log.add(
        model.meta.key,
        "counts",
        `counted ${JSON.stringify(count)}, created ${model.rows.length}`,
      );
    }
  }
}

/** Read requests in flight at once: enough to keep the database and the server busy together. */
const concurrency = 4;

async function runAll(tasks: ReadTask[], limit: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]?.();
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

function report(log: CrawlLog, models: CrawledModel[]): CrawlReport {
  return {
    findings: log.findings,
    models: models.length,
    requests: log.requests,
    channels: log.channels,
    notCreated: Object.fromEntries(
      models.filter((model) => model.notCreated).map((model) => [model.meta.key, model.notCreated as string]),
    ),
  };
}
