/**
 * Every filter operator allowedOperators offers, on every field of the test schemas (directly and through one
 * relation), every sortable field (and a cursor page on it), search and look-ups: Prisma must accept each query Atrium builds. Built for
 * the class, not the example: a new field type or relation shape in a test schema is covered without a new
 * test. A Prisma rejection shows up as a data source warning or an error; neither may happen.
 */
import {
  allowedOperators,
  type DatabaseProvider,
  decodeFilterValue,
  decodeListCursor,
  encodeListCursor,
  type FieldMeta,
  type FilterOperator,
  type FilterSpec,
  type IdValues,
  isSortable,
  type ModelMeta,
  type SortSpec,
} from "@atrium/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reachableProviders } from "../testing/databaseIsReachable.js";
import { openTestDatabase, type TestDatabase, type TestSchemaName } from "./testing/openTestDatabase.js";

const runs: [DatabaseProvider, TestSchemaName | "scalars.postgres"][] = [
  ["sqlite", "scalars"],
  ["sqlite", "keys"],
  ["sqlite", "saas"],
  ["sqlite", "uniqueReferences"],
  ["sqlite", "emulatedRelations"],
  ["sqlite", "typedKeys"],
  ["postgresql", "scalars.postgres"],
  ["postgresql", "keys"],
  ["postgresql", "typedKeys"],
  ["mysql", "scalars"],
  ["mysql", "keys"],
  ["mysql", "typedKeys"],
];
const reachable = await reachableProviders(["sqlite", "postgresql", "mysql"]);

/** A filter value's text per type, decoded the way the API decodes `filter.{path}.{op}=text`. */
const sampleText: Record<string, string> = {
  String: "a",
  Int: "1",
  BigInt: "1",
  Float: "1.5",
  Decimal: "1.5",
  Boolean: "true",
  DateTime: "2024-01-01T00:00:00.000Z",
};

function textFor(field: FieldMeta): string {
  if (field.kind === "enum") return field.enumValues?.[0] ?? "A";
  if (field.nativeType?.[0] === "Uuid") return "00000000-0000-4000-8000-000000000000";
  return sampleText[field.type] ?? "a";
}

function idOf(model: ModelMeta): IdValues {
  return Object.fromEntries(
    model.idFields.map((name) => {
      const field = model.fields.find((candidate) => candidate.name === name);
      if (!field) throw new Error(`${model.name} has no id field ${name}`);
      return [name, decodeFilterValue(field, "eq", textFor(field))];
    }),
  );
}

describe.each(runs)("queries Atrium builds on %s (%s.prisma)", (provider, name) => {
  let db: TestDatabase;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!reachable[provider]) return;
    db = await openTestDatabase(name, {
      provider,
      dataSource: { warn: (message, error) => problems.push(`${message}: ${String(error).slice(-300)}`) },
    });
  }, 180_000);
  afterAll(async () => {
    await db?.close();
  });

  const valueFor = (field: FieldMeta, op: FilterOperator): unknown => {
    if (op === "isNull") return true;
    if (field.kind === "relation") {
      const id = idOf(db.model(field.relation?.model ?? ""));
      return op === "in" ? [id, id] : id;
    }
    const text = textFor(field);
    return decodeFilterValue(field, op, op === "in" ? `${text},${text}` : text);
  };

  /** Filters on each field of `model`, prefixed by `path` (the relation walked to reach it). */
  const filtersOf = (model: ModelMeta, path: string[]): FilterSpec[] =>
    model.fields.flatMap((field) =>
      allowedOperators(field).map((op) => ({ path: [...path, field.name], op, value: valueFor(field, op) })),
    );

  const attempt = async (what: string, run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      problems.push(`${what}: ${String(error).slice(0, 300)}`);
    }
  };

  /**
   * Next and previous pages from a cursor on `path` (a sample value, then NULL where the path can be NULL),
   * each cursor through its opaque text and back first, as the API reads it.
   */
  const cursorPages = async (model: ModelMeta, path: string[]) => {
    const ids = model.idFields.filter((name) => name !== path[0] || path.length > 1);
    const sort: SortSpec[] = [
      { path, direction: "desc" },
      ...ids.map((name): SortSpec => ({ path: [name], direction: "asc" })),
    ];
    const fieldAt = (spec: SortSpec) => {
      const [first, second] = spec.path;
      const own = model.fields.find((field) => field.name === first);
      if (!second) return own;
      return db.model(own?.relation?.model ?? "").fields.find((field) => field.name === second);
    };
    const field = fieldAt({ path, direction: "asc" });
    if (!field) throw new Error(`no field at ${path.join(".")}`);
    const idValues = idOf(model);
    const sample = decodeFilterValue(field, "eq", textFor(field));
    const hop = path.length > 1 ? model.fields.find((candidate) => candidate.name === path[0]) : undefined;
    const nullable = !field.isRequired || (hop !== undefined && !hop.isRequired);
    const leads = nullable ? [sample, null] : [sample];
    for (const lead of leads) {
      for (const direction of ["next", "prev"] as const) {
        const values = [lead, ...ids.map((name) => idValues[name])];
        const text = encodeListCursor(db.schema, model, sort, { direction, values });
        const cursor = decodeListCursor(db.schema, model, sort, text);
        expect(cursor.values).toEqual(values);
        await db.dataSource.list(model, { page: 1, perPage: 5, filters: [], sort, cursor });
      }
    }
  };

  it.skipIf(!reachable[provider])(
    "accepts every filter, sort, search and look-up",
    async () => {
      for (const model of db.schema.models) {
        const list = (query: {
          filters?: FilterSpec[];
          sort?: [string[], "asc" | "desc"][];
          search?: string;
        }) =>
          db.dataSource.list(model, {
            page: 1,
            perPage: 5,
            filters: query.filters ?? [],
            sort: (query.sort ?? []).map(([path, direction]) => ({ path, direction })),
            ...(query.search ? { search: query.search } : {}),
          });
        const relations = model.fields.filter((field) => field.relation);
        const filters = [
          ...filtersOf(model, []),
          ...relations.flatMap((field) => filtersOf(db.model(field.relation?.model ?? ""), [field.name])),
        ];
        for (const filter of filters) {
          await attempt(`${model.name} filter ${filter.path.join(".")} ${filter.op}`, () =>
            list({ filters: [filter] }),
          );
        }
        const sortable = model.fields.filter(isSortable).map((field) => [field.name]);
        const throughRelations = relations
          .filter((field) => !field.relation?.toMany)
          .flatMap((field) =>
            db
              .model(field.relation?.model ?? "")
              .fields.filter(isSortable)
              .map((related) => [field.name, related.name]),
          );
        for (const path of [...sortable, ...throughRelations]) {
          await attempt(`${model.name} sort ${path.join(".")}`, () => list({ sort: [[path, "desc"]] }));
          await attempt(`${model.name} cursor on ${path.join(".")}`, () => cursorPages(model, path));
        }
        if (model.searchFields.length > 0) {
          await attempt(`${model.name} search`, () => list({ search: "ä1" }));
        }
        await attempt(`${model.name} lookup`, () => db.dataSource.lookup(model, "a", 5));
      }
      expect(problems).toEqual([]);
    },
    120_000,
  );
});
