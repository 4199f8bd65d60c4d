/**
 * The schema zoo (packages/prisma/test/schemas/zoo, plus the 300-model synthetic schema of the benchmarks) crawled
 * through the API on one database: every model, every channel (crawl/crawlSchema.ts). A failure fails the test
 * unless crawl/zooSkips.ts names the point of issue 10 it belongs to.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { syntheticSchema } from "../../../bench/syntheticSchema.js";
import { type CrawlReport, crawlSchema } from "./crawl/crawlSchema.js";
import { applyKnownFailures } from "./crawl/zooSkips.js";
import { openTestApi, type TestProvider } from "./openTestApi.js";

export type ZooSchema =
  | "auth"
  | "saas"
  | "shapes"
  | "scalars"
  | "postgres"
  | "extensions"
  | "mysql"
  | "synthetic";

export function zooSchemaPath(name: Exclude<ZooSchema, "synthetic">): string {
  return fileURLToPath(new URL(`../../../packages/prisma/test/schemas/zoo/${name}.prisma`, import.meta.url));
}

/** Models in the synthetic schema: the size of the largest real schemas. */
export const syntheticModels = 300;

async function withSchemaFile<T>(name: ZooSchema, work: (path: string) => Promise<T>): Promise<T> {
  if (name !== "synthetic") return work(zooSchemaPath(name));
  const folder = await mkdtemp(join(tmpdir(), "atrium-zoo-"));
  try {
    const path = join(folder, "synthetic.prisma");
    await writeFile(path, syntheticSchema(syntheticModels));
    return await work(path);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** A schema the test API could not open (push, client generation, metadata): one finding that says why. */
function unopened(name: ZooSchema, error: Error): CrawlReport {
  const detail = error.message.split("\n").slice(0, 3).join(" ").slice(0, 400);
  return {
    findings: [{ schema: name, model: "*", channel: "open", detail }],
    models: 0,
    requests: 0,
    channels: {},
    notCreated: {},
  };
}

export function describeZoo(provider: TestProvider, schemas: ZooSchema[]): void {
  describe(`the schema zoo on ${provider}`, () => {
    for (const name of schemas) {
      it(`crawls every model and channel of ${name}`, async () => {
        const started = Date.now();
        let opened = started;
        const cpu = process.cpuUsage();
        const report = await withSchemaFile(name, async (path) => {
          const api = await openTestApi(path, { provider }).catch((error: unknown) => error as Error);
          opened = Date.now();
          if (api instanceof Error) return unopened(name, api);
          try {
            return await crawlSchema(api, name, name === "synthetic" ? { everyChannelEvery: 100 } : {});
          } finally {
            await api.close();
          }
        });
        const { user, system } = process.cpuUsage(cpu);
        const { unexplained, stale } = applyKnownFailures(report.findings, name, provider);
        // For a look at everything found, known failures included.
        if (process.env.ATRIUM_ZOO_REPORT) {
          await writeFile(
            join(process.env.ATRIUM_ZOO_REPORT, `${name}.${provider}.json`),
            JSON.stringify(report, null, 2),
          );
        }
        console.info(
          `zoo ${name} on ${provider}: ${report.models} models, ${report.requests} requests, ${opened - started} ms to open, ${Date.now() - opened} ms to crawl (${Math.round((user + system) / 1000)} ms of CPU in all), ${report.findings.length} findings (${report.findings.length - unexplained.length} known)`,
        );
        expect(
          unexplained.map((finding) => `${finding.model} ${finding.channel}: ${finding.detail}`),
        ).toEqual([]);
        expect(stale, "these known failures no longer happen: remove them from crawl/zooSkips.ts").toEqual(
          [],
        );
      }, 300_000);
    }
  });
}
