import { readFileSync } from "node:fs";
import { AtriumError, type FilterSpec, findModelByName, type ModelMeta, type SchemaMeta } from "@atrium/core";
import { DbNull } from "@prisma/client/runtime/client";
import { describe, expect, it } from "vitest";
import { schemaPath } from "../../test/schemaPaths.js";
import { loadSchemaMeta } from "../schema/loadSchemaMeta.js";
import { buildWhere } from "./buildWhere.js";

const saas = loadSchemaMeta(readFileSync(schemaPath("saas"), "utf8"));
const keys = loadSchemaMeta(readFileSync(schemaPath("keys"), "utf8"));

function modelOf(schema: SchemaMeta, name: string): ModelMeta {
  const model = findModelByName(schema, name);
  if (!model) throw new Error(`no model ${name}`);
  return model;
}

const task = modelOf(saas, "Task");

function where(
  filters: FilterSpec[],
  options: { search?: string; provider?: "sqlite" | "postgresql" | "mysql" } = {},
) {
  return buildWhere({
    schema: saas,
    model: task,
    filters,
    search: options.search,
    provider: options.provider ?? "sqlite",
  });
}

describe("buildWhere", () => {
  it("is empty without filters or search", () => {
    expect(where([])).toEqual({});
    expect(where([], { search: "   " })).toEqual({});
  });

  it("maps comparison operators to Prisma's", () => {
    expect(where([{ path: ["title"], op: "eq", value: "a" }])).toEqual({ title: { equals: "a" } });
    expect(where([{ path: ["id"], op: "in", value: [1, 2] }])).toEqual({ id: { in: [1, 2] } });
    for (const op of ["lt", "lte", "gt", "gte"] as const) {
      expect(where([{ path: ["id"], op, value: 5 }])).toEqual({ id: { [op]: 5 } });
    }
  });

  it("spells `in` out as equals alternatives on Booleans, whose Prisma filter has no `in`", () => {
    const project = modelOf(saas, "Project");
    const booleanIn = (value: boolean[]) =>
      buildWhere({
        schema: saas,
        model: project,
        filters: [{ path: ["archived"], op: "in", value }],
        provider: "sqlite",
      });
    expect(booleanIn([true])).toEqual({ archived: { equals: true } });
    expect(booleanIn([false, true])).toEqual({
      OR: [{ archived: { equals: false } }, { archived: { equals: true } }],
    });
  });

  it("combines several filters with AND", () => {
    const result = where([
      { path: ["status"], op: "eq", value: "DONE" },
      { path: ["id"], op: "gt", value: 3 },
    ]);
    expect(result).toEqual({ AND: [{ status: { equals: "DONE" } }, { id: { gt: 3 } }] });
  });

  it("keeps empty values in `neq` on optional fields, and not on required ones", () => {
    expect(where([{ path: ["assigneeId"], op: "neq", value: "u1" }])).toEqual({
      OR: [{ assigneeId: { not: "u1" } }, { assigneeId: null }],
    });
    expect(where([{ path: ["title"], op: "neq", value: "x" }])).toEqual({ title: { not: "x" } });
  });

  it("ignores case in contains, startsWith and search on PostgreSQL only, where it is needed", () => {
    const filters: FilterSpec[] = [{ path: ["title"], op: "contains", value: "Fix" }];
    expect(where(filters, { provider: "postgresql" })).toEqual({
      title: { contains: "Fix", mode: "insensitive" },
    });
    expect(where(filters)).toEqual({ title: { contains: "Fix" } });
    expect(where([{ path: ["title"], op: "startsWith", value: "F" }], { provider: "postgresql" })).toEqual({
      title: { startsWith: "F", mode: "insensitive" },
    });
    const user = modelOf(saas, "User");
    expect(
      buildWhere({ schema: saas, model: user, filters: [], search: " Ann ", provider: "postgresql" }),
    ).toEqual({
      OR: [
        { email: { contains: "Ann", mode: "insensitive" } },
        { firstName: { contains: "Ann", mode: "insensitive" } },
        { lastName: { contains: "Ann", mode: "insensitive" } },
      ],
    });
  });

  it("searches the case variants of non-ASCII letters on SQLite, whose LIKE folds ASCII only", () => {
    expect(where([{ path: ["title"], op: "contains", value: "GRÜ" }])).toEqual({
      OR: [{ title: { contains: "GRÜ" } }, { title: { contains: "GRü" } }],
    });
    expect(where([{ path: ["title"], op: "startsWith", value: "é" }])).toEqual({
      OR: [{ title: { startsWith: "é" } }, { title: { startsWith: "É" } }],
    });
    const user = modelOf(saas, "User");
    const search = buildWhere({ schema: saas, model: user, filters: [], search: "Ö", provider: "sqlite" });
    expect(search).toEqual({
      OR: ["email", "firstName", "lastName"].flatMap((name) => [
        { [name]: { contains: "Ö" } },
        { [name]: { contains: "ö" } },
      ]),
    });
    // MySQL's default collations fold Unicode case themselves.
    expect(where([{ path: ["title"], op: "contains", value: "GRÜ" }], { provider: "mysql" })).toEqual({
      title: { contains: "GRÜ" },
    });
  });

  it("compares the elements of scalar lists with has, NOT has (NULL lists included) and hasSome", () => {
    const postgres = loadSchemaMeta(readFileSync(schemaPath("scalars.postgres"), "utf8"));
    const sample = modelOf(postgres, "Sample");
    const list = (filter: FilterSpec) =>
      buildWhere({ schema: postgres, model: sample, filters: [filter], provider: "postgresql" });
    expect(list({ path: ["tags"], op: "eq", value: "red" })).toEqual({ tags: { has: "red" } });
    expect(list({ path: ["moods"], op: "neq", value: "SAD" })).toEqual({
      OR: [{ NOT: { moods: { has: "SAD" } } }, { moods: { equals: null } }],
    });
    expect(list({ path: ["scores"], op: "in", value: [2, 3] })).toEqual({ scores: { hasSome: [2, 3] } });
    expect(() => list({ path: ["tags"], op: "contains", value: "r" })).toThrow(AtriumError);
  });

  it("finds a @db.Uuid search field's record by its whole uuid only, never by text search", () => {
    const postgres = loadSchemaMeta(readFileSync(schemaPath("scalars.postgres"), "utf8"));
    const sample = { ...modelOf(postgres, "Sample"), searchFields: ["id", "text"] };
    const uuid = "123e4567-e89b-12d3-a456-426614174000";
    expect(
      buildWhere({ schema: postgres, model: sample, filters: [], search: uuid, provider: "postgresql" }),
    ).toEqual({
      OR: [{ id: { equals: uuid } }, { text: { contains: uuid, mode: "insensitive" } }],
    });
    expect(
      buildWhere({ schema: postgres, model: sample, filters: [], search: "4e5", provider: "postgresql" }),
    ).toEqual({
      OR: [{ text: { contains: "4e5", mode: "insensitive" } }],
    });
  });

  it("maps isNull on scalars, to-one and to-many relations", () => {
    expect(where([{ path: ["dueAt"], op: "isNull", value: true }])).toEqual({ dueAt: null });
    expect(where([{ path: ["dueAt"], op: "isNull", value: false }])).toEqual({ dueAt: { not: null } });
    expect(where([{ path: ["assignee"], op: "isNull", value: true }])).toEqual({ assignee: { is: null } });
    expect(where([{ path: ["assignee"], op: "isNull", value: false }])).toEqual({
      assignee: { isNot: null },
    });
    expect(where([{ path: ["subtasks"], op: "isNull", value: true }])).toEqual({ subtasks: { none: {} } });
    expect(where([{ path: ["subtasks"], op: "isNull", value: false }])).toEqual({ subtasks: { some: {} } });
  });

  it("compares a to-one relation by id through its foreign key, without a join", () => {
    expect(where([{ path: ["assignee"], op: "eq", value: { id: "u1" } }])).toEqual({ assigneeId: "u1" });
    expect(where([{ path: ["assignee"], op: "in", value: [{ id: "u1" }, { id: "u2" }] }])).toEqual({
      OR: [{ assigneeId: "u1" }, { assigneeId: "u2" }],
    });
    expect(where([{ path: ["assignee"], op: "neq", value: { id: "u1" } }])).toEqual({
      assignee: { isNot: { id: "u1" } },
    });
  });

  it("compares to-many relations by id with some/none", () => {
    expect(where([{ path: ["labels"], op: "eq", value: { id: 4 } }])).toEqual({
      labels: { some: { id: 4 } },
    });
    expect(where([{ path: ["labels"], op: "neq", value: { id: 4 } }])).toEqual({
      labels: { none: { id: 4 } },
    });
    expect(where([{ path: ["labels"], op: "in", value: [{ id: 4 }, { id: 5 }] }])).toEqual({
      labels: { some: { OR: [{ id: 4 }, { id: 5 }] } },
    });
  });

  it("nests relation paths: is for to-one, some for to-many", () => {
    expect(where([{ path: ["project", "org", "slug"], op: "eq", value: "acme" }])).toEqual({
      project: { is: { org: { is: { slug: { equals: "acme" } } } } },
    });
    expect(where([{ path: ["labels", "name"], op: "startsWith", value: "bu" }])).toEqual({
      labels: { some: { name: { startsWith: "bu" } } },
    });
  });

  it("turns `in` on a Boolean, which Prisma's Boolean filter lacks, into alternatives", () => {
    expect(where([{ path: ["project", "archived"], op: "in", value: [true, false, true] }])).toEqual({
      project: { is: { OR: [{ archived: { equals: true } }, { archived: { equals: false } }] } },
    });
    expect(where([{ path: ["project", "archived"], op: "in", value: [false] }])).toEqual({
      project: { is: { archived: { equals: false } } },
    });
  });

  it("matches a compound-key relation on every key column", () => {
    const booking = modelOf(keys, "Booking");
    const departure = new Date("2025-01-01T10:00:00Z");
    const result = buildWhere({
      schema: keys,
      model: booking,
      filters: [{ path: ["flight"], op: "eq", value: { number: "AF1", departureDate: departure } }],
      provider: "sqlite",
    });
    expect(result).toEqual({ flightNumber: "AF1", flightDate: departure });
  });

  it("compares by foreign key when the relation references a @unique that is the related identity", () => {
    const booking = modelOf(keys, "Booking");
    const result = buildWhere({
      schema: keys,
      model: booking,
      filters: [{ path: ["passenger"], op: "eq", value: { passport: "P1" } }],
      provider: "sqlite",
    });
    expect(result).toEqual({ passport: "P1" });
  });

  it("joins when the relation references something other than the related identity", () => {
    const schema = structuredClone(keys);
    const passenger = modelOf(schema, "Passenger");
    passenger.idFields = ["fullName"];
    const result = buildWhere({
      schema,
      model: modelOf(schema, "Booking"),
      filters: [{ path: ["passenger"], op: "eq", value: { fullName: "Ada" } }],
      provider: "sqlite",
    });
    expect(result).toEqual({ passenger: { is: { fullName: "Ada" } } });
  });

  it("filters optional Json fields on SQL NULL with Prisma's DbNull", () => {
    const scalars = loadSchemaMeta(readFileSync(schemaPath("scalars"), "utf8"));
    const sample = modelOf(scalars, "Sample");
    const result = buildWhere({
      schema: scalars,
      model: sample,
      filters: [{ path: ["dataOpt"], op: "isNull", value: true }],
      provider: "sqlite",
    });
    expect(result).toEqual({ dataOpt: { equals: DbNull } });
  });

  it("rejects unknown fields, paths through scalars and value-less relation ids with a clear error", () => {
    const cases: FilterSpec[] = [
      { path: ["nope"], op: "eq", value: 1 },
      { path: ["title", "x"], op: "eq", value: 1 },
      { path: ["assignee"], op: "eq", value: "u1" },
      { path: ["assignee"], op: "gt", value: { id: "u1" } },
      { path: ["assignee"], op: "eq", value: { other: "u1" } },
    ];
    for (const filter of cases) {
      const error = (() => {
        try {
          where([filter]);
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(AtriumError);
      expect((error as AtriumError).status).toBe(400);
    }
  });
});
