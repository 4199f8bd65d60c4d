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

function where(filters: FilterSpec[], options: { search?: string; provider?: "sqlite" | "postgresql" } = {}) {
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
