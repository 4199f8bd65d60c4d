/**
 * The cases where PostgreSQL differs from SQLite: case-sensitive LIKE, error metadata, exact decimals, planner
 * estimates. Runs against the local server (see ENVIRONMENT.md); skipped when it does not answer.
 */
import type { DeletePreview } from "@atrium/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseIsReachable } from "../testing/databaseIsReachable.js";
import { caught } from "./testing/caught.js";
import { openTestDatabase, type TestDatabase } from "./testing/openTestDatabase.js";

const reachable = await databaseIsReachable("postgresql");

describe.skipIf(!reachable)("on PostgreSQL", () => {
  let saas: TestDatabase;
  let keys: TestDatabase;
  let scalars: TestDatabase;
  let acme = "";

  beforeAll(async () => {
    [saas, keys, scalars] = await Promise.all([
      openTestDatabase("saas", { provider: "postgresql", dataSource: { maxExactCount: 2 } }),
      openTestDatabase("keys", { provider: "postgresql" }),
      openTestDatabase("scalars", { provider: "postgresql" }),
    ]);
    acme = (await saas.client.organization.create({ data: { name: "Acme Corp", slug: "acme" } })).id;
    for (const slug of ["b", "c", "d", "e"]) {
      await saas.client.organization.create({ data: { name: `Org ${slug}`, slug } });
    }
    await saas.client.user.create({ data: { email: "Ann@Example.com", firstName: "Ann" } });
  }, 180_000);

  afterAll(async () => {
    await Promise.all([saas?.close(), keys?.close(), scalars?.close()]);
  });

  it("searches and filters text case-insensitively", async () => {
    const org = saas.model("Organization");
    const base = { page: 1, perPage: 10, sort: [{ path: ["id"], direction: "asc" as const }] };
    const searched = await saas.dataSource.list(org, { ...base, filters: [], search: "ACME" });
    expect(searched.rows.map((row) => row.slug)).toEqual(["acme"]);
    const filtered = await saas.dataSource.list(org, {
      ...base,
      filters: [{ path: ["name"], op: "startsWith", value: "acme c" }],
    });
    expect(filtered.rows.map((row) => row.slug)).toEqual(["acme"]);
    const users = await saas.dataSource.lookup(saas.model("User"), "ann@example", 5);
    expect(users.map((row) => row.email)).toEqual(["Ann@Example.com"]);
  });

  it("names the field of a unique violation", async () => {
    const error = await caught(
      saas.dataSource.create(saas.model("Organization"), {
        scalars: { name: "Again", slug: "acme" },
        connect: {},
        setMany: {},
      }),
    );
    expect(error.code).toBe("unique_violation");
    expect(error.fields).toEqual({ slug: "Another organization already has this slug" });
  });

  it("names the field of a compound unique violation", async () => {
    const setting = saas.model("OrgSetting");
    const data = { scalars: { key: "k", value: "v" }, connect: { org: { id: acme } }, setMany: {} };
    await saas.dataSource.create(setting, data);
    const error = await caught(saas.dataSource.create(setting, data));
    expect(error.code).toBe("unique_violation");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["key", "orgId"]);
  });

  it("names the field of a missing reference", async () => {
    const error = await caught(
      saas.dataSource.create(saas.model("Project"), {
        scalars: { title: "Lost", orgId: "00000000-0000-0000-0000-000000000000" },
        connect: {},
        setMany: {},
      }),
    );
    expect(error.code).toBe("foreign_key_violation");
    expect(error.fields).toMatchObject({ org: "No organization has this id" });
  });

  it("reports the planner's estimate beyond the exact-count bound", async () => {
    await saas.client.$executeRawUnsafe('ANALYZE "Organization"');
    expect(await saas.dataSource.count(saas.model("Organization"))).toEqual({ total: 5, isEstimate: true });
    expect(await saas.dataSource.count(saas.model("User"))).toEqual({ total: 1, isEstimate: false });
  });

  it("blocks a restricted delete with a 409 listing the blockers", async () => {
    await keys.client.country.create({ data: { isoCode: "FR", name: "France" } });
    await keys.client.airport.create({ data: { iata: "CDG", name: "Charles de Gaulle", countryCode: "FR" } });
    const error = await caught(keys.dataSource.delete(keys.model("Country"), { isoCode: "FR" }));
    expect(error.code).toBe("delete_restricted");
    expect((error.details as DeletePreview).blockers).toMatchObject([{ model: "airport", count: 1 }]);
    expect(await keys.client.country.count()).toBe(1);
  });

  it("keeps 29-digit decimals and 64-bit integers exact", async () => {
    const sample = scalars.model("Sample");
    const row = await scalars.dataSource.create(sample, {
      scalars: {
        decimalOpt: "12345678901234567890.123456789",
        bigOpt: 9007199254740993n,
        dataOpt: null,
        // Prisma gives Json and Bytes columns no default from the schema: a create must set them.
        data: { a: 1 },
        blob: new Uint8Array([1]),
      },
      connect: {},
      setMany: {},
    });
    expect(row.decimalOpt).toBe("12345678901234567890.123456789");
    expect(row.bigOpt).toBe(9007199254740993n);
    expect(row.dataOpt).toBeNull();
    const read = await scalars.dataSource.get(sample, { id: row.id });
    expect(read?.decimalOpt).toBe("12345678901234567890.123456789");
  });
});
