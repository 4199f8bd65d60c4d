/**
 * One process of writers for the race tests (see raceWorkers.ts): a Prisma client and data source of its own over
 * the test's database, like one more server in front of it, with an audit sink like the server's. It runs each
 * batch of writes it is sent all at once, and answers what became of each.
 *
 * Started by raceWorkers.ts as `node --import tsx --conditions=@atrium/source raceWorker.ts <schema file> <url>`.
 */
import {
  AtriumError,
  type AuditSink,
  type DataSource,
  decodeRecordId,
  findModelByName,
  type ModelMeta,
  type SchemaMeta,
} from "@atrium/core";
import { createClientForSchema } from "../../runtime/prepareClient.js";
import { loadSchemaMetaFromFile } from "../../schema/loadSchemaMeta.js";
import { createSystemStore, type SystemStoreClient } from "../../systemStore/createSystemStore.js";
import { createPrismaDataSource } from "../createPrismaDataSource.js";
import type { RaceOutcome, RaceRequest, RaceWrite } from "./raceWorkers.js";

const [schemaFile = "", url = ""] = process.argv.slice(2);
const schema = await loadSchemaMetaFromFile(schemaFile);
const client = await createClientForSchema(schemaFile, url);
const dataSource = createPrismaDataSource({ client, schema });
const store = createSystemStore(client as unknown as SystemStoreClient, schema.provider);
const audit: AuditSink = {
  async record(tx, entry) {
    const appended = await store.withTransaction(tx).appendAudit({
      at: new Date(),
      actorId: null,
      actorEmail: `worker ${process.pid}`,
      action: entry.action,
      model: entry.model,
      recordId: entry.recordId,
      changes: entry.changes as never,
      revertOf: null,
      causeId: null,
    });
    return appended.id;
  },
};

process.on("message", (request: RaceRequest) => {
  if (request.kind === "stop") {
    void dataSource.close().finally(() => process.exit(0));
    return;
  }
  void Promise.allSettled(request.writes.map((write) => run(dataSource, schema, write))).then((settled) => {
    const outcomes: RaceOutcome[] = settled.map((result) =>
      result.status === "fulfilled"
        ? { accepted: true }
        : {
            accepted: false,
            code: result.reason instanceof AtriumError ? result.reason.code : String(result.reason),
          },
    );
    process.send?.({ batch: request.batch, outcomes });
  });
});
process.send?.({ ready: true });

async function run(source: DataSource, schema: SchemaMeta, write: RaceWrite): Promise<unknown> {
  const model = modelNamed(schema, write.model);
  switch (write.kind) {
    case "update":
      return source.update(
        model,
        decodeRecordId(model, write.id),
        { scalars: write.scalars, connect: {}, setMany: {} },
        write.version === undefined ? { audit } : { audit, expectedVersion: write.version },
      );
    case "delete":
      return source.delete(
        model,
        decodeRecordId(model, write.id),
        write.version === undefined ? { audit } : { audit, expectedVersion: write.version },
      );
    case "deleteMany":
      return source.deleteMany(
        model,
        write.ids.map((id) => decodeRecordId(model, id)),
        { audit, expectedVersions: write.versions ?? {} },
      );
    default: {
      const unknown: never = write;
      throw new Error(`Unknown race write ${JSON.stringify(unknown)}`);
    }
  }
}

function modelNamed(schema: SchemaMeta, name: string): ModelMeta {
  const model = findModelByName(schema, name);
  if (!model) throw new Error(`The race worker's schema has no model ${name}`);
  return model;
}
