/**
 * The data source's bulk writes and reads: many records created in one transaction (generated records, later
 * imports and fixtures), and the values of a few columns of many records (the keys bulk writers pick from).
 * Lean on purpose: no relation labels or counts are read back, and no statement per record is spent on what
 * the write already knows (the many-to-many sets an audit entry records are the ones it was asked to connect).
 */
import {
  type DataSource,
  encodeRecordId,
  type FieldMeta,
  type ModelMeta,
  type StoredRow,
  type WriteContext,
  type WriteData,
} from "@atrium/core";
import { recordStep, recordSteps } from "./auditWrites.js";
import { findModel, shapeRow } from "./buildSelect.js";
import { buildWriteData } from "./buildWriteData.js";
import { databaseFailure } from "./databaseFailure.js";
import { mapPrismaError } from "./mapPrismaError.js";
import { type Args, getDelegate, type QueryClient, type Row } from "./prismaClient.js";
import type { SourceScope } from "./sourceScope.js";

type BulkMethods = Pick<DataSource, "createMany" | "readValues">;

/** The delegate's `createManyAndReturn`: one INSERT for many rows, on the databases whose Prisma has it. */
type CreateManyAndReturn = (args: Args) => Promise<Row[]>;

export function bulkWrites(scope: SourceScope): BulkMethods {
  const { schema } = scope;

  const explain = (error: unknown, model: ModelMeta, operation: "create" | "read"): never => {
    const values = operation === "create" ? "write" : "read";
    throw (
      mapPrismaError(error, { schema, model, warn: scope.warn, operation: values }) ??
      databaseFailure(error, operation, model) ??
      error
    );
  };

  /** Rows of scalars only go in one statement where Prisma returns what it inserted (not MySQL). */
  const insertAll = async (tx: QueryClient, model: ModelMeta, rows: WriteData[]): Promise<Row[] | null> => {
    const plain = rows.every(
      (row) => Object.keys(row.connect).length === 0 && Object.keys(row.setMany).length === 0,
    );
    const delegate = getDelegate(tx, model) as unknown as { createManyAndReturn?: CreateManyAndReturn };
    if (!plain || scope.provider === "mysql" || typeof delegate.createManyAndReturn !== "function")
      return null;
    const data: Args[] = [];
    for (const row of rows) data.push(await buildWriteData({ tx, schema, model, data: row, mode: "create" }));
    return delegate.createManyAndReturn({ data, select: scalarSelect(model) });
  };

  return {
    async createMany(model, rows, context) {
      if (rows.length === 0) return [];
      try {
        return await scope.transaction(async (tx) => {
          const raws =
            (await insertAll(tx, model, rows)) ??
            (await insertEach(tx, model, rows, (data) =>
              buildWriteData({ tx, schema, model, data, mode: "create" }),
            ));
          const created = raws.map((raw) => shapeRow(schema, model, raw));
          if (context?.audit) await recordCreates(scope, tx, model, rows, created, context);
          return created;
        });
      } catch (error) {
        return explain(error, model, "create");
      }
    },

    async readValues(model, fields, limit) {
      const select: Args = {};
      for (const name of fields) select[name] = true;
      try {
        const raws = await getDelegate(scope.client, model).findMany({
          select,
          orderBy: model.idFields.map((name) => ({ [name]: "asc" })),
          take: Math.max(0, Math.floor(limit)),
        });
        return raws.map((raw) => shapeRow(schema, model, raw));
      } catch (error) {
        return explain(error, model, "read");
      }
    },
  };
}

async function insertEach(
  tx: QueryClient,
  model: ModelMeta,
  rows: WriteData[],
  build: (data: WriteData) => Promise<Args>,
): Promise<Row[]> {
  const delegate = getDelegate(tx, model);
  const select = scalarSelect(model);
  const created: Row[] = [];
  for (const row of rows) created.push(await delegate.create({ data: await build(row), select }));
  return created;
}

/**
 * One `create` entry per record, its many-to-many sets the ones the write connected; few statements for all.
 * The batch is one change in the history: its first record's entry stands for it, the others name that entry
 * as their cause (as an inline save's rows name the parent's), so the history lists the batch once, each
 * record still keeps how it was created, and reverting the first entry deletes the whole batch.
 */
async function recordCreates(
  scope: SourceScope,
  tx: QueryClient,
  model: ModelMeta,
  rows: WriteData[],
  created: StoredRow[],
  context: WriteContext,
): Promise<void> {
  const manyFields = model.fields.filter((field) => field.relation?.isManyToMany);
  const steps = created.map((after, index) => {
    const setMany = rows[index]?.setMany ?? {};
    const sets: Record<string, string[]> = {};
    for (const field of manyFields) {
      const ids = setMany[field.name];
      if (ids && ids.length > 0) sets[field.name] = encodedIds(scope, field, ids);
    }
    return { action: "create" as const, model, before: null, after, sets: { old: null, new: sets } };
  });
  const [first, ...rest] = steps;
  if (!first) return;
  const causeId = await recordStep(tx, context, first);
  await recordSteps(
    tx,
    context,
    rest.map((step) => ({ ...step, ...(causeId ? { causeId } : {}) })),
  );
}

function encodedIds(scope: SourceScope, field: FieldMeta, ids: WriteData["setMany"][string]): string[] {
  const related = field.relation ? findModel(scope.schema, field.relation.model) : undefined;
  if (!related) throw new Error(`Atrium: the related model of ${field.name} is not in the schema`);
  return ids.map((id) => encodeRecordId(related, id)).sort();
}

/** Every scalar and enum field Prisma can read (not `Unsupported` ones). */
function scalarSelect(model: ModelMeta): Args {
  const select: Args = {};
  for (const field of model.fields) {
    if (field.kind !== "relation" && field.type !== "Unsupported") select[field.name] = true;
  }
  return select;
}
