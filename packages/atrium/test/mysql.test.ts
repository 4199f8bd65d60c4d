/**
 * The core cases on MySQL/MariaDB (local server, root without password; each suite makes a database of its own
 * and drops it): keys.prisma, scalars.prisma, the history and concurrent-write cases over saas.prisma, the leak
 * cases, nextauth.prisma's identities without @id and names.prisma's Json defaults with the provider swapped,
 * pushed by Atrium's own MySQL DDL, plus what differs on MySQL: implicit many-to-many join tables, VARCHAR(191) limits, collation and row estimates.
 * Skipped, with a visible message, when the server does not answer.
 * The whole API suite runs on MySQL with `ATRIUM_TEST_PROVIDER=mysql npx vitest run apps/server/test`.
 */
import { createPrismaDataSource } from "@atrium/prisma";
import { databaseIsReachable } from "@atrium/prisma/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectApiError, expectStatus } from "./apiResponse.js";
import { describeConcurrentWrites } from "./concurrentWritesCases.js";
import { describeBatchHistory } from "./historyBatchCases.js";
import { describeHistory } from "./historyCases.js";
import { describeRevert } from "./historyRevertCases.js";
import { describeIdentity } from "./identityCases.js";
import { describeJsonDefaults } from "./jsonDefaultsCases.js";
import { describeKeys } from "./keysCases.js";
import { describeLeaks } from "./leaksCases.js";
import { openTestApi, type TestApi } from "./openTestApi.js";
import { describeScalars } from "./scalarsCases.js";
import { testSchemaPath } from "./schemaPaths.js";
import { describeUpdateMany } from "./updateManyCases.js";

const reachable = await databaseIsReachable("mysql");
if (!reachable) console.warn("MySQL/MariaDB is not reachable on 127.0.0.1:3306: its API tests are skipped");

// biome-ignore lint/suspicious/noExplicitAny: rows are JSON read back from the API.
type Row = any;

describe.skipIf(!reachable)("on MySQL/MariaDB", () => {
  describeKeys("mysql");
  describeScalars("mysql");
  describeHistory("mysql");
  describeRevert("mysql");
  describeBatchHistory("mysql");
  describeConcurrentWrites("mysql");
  describeLeaks("mysql");
  describeIdentity("mysql");
  describeJsonDefaults("mysql");
  describeUpdateMany("mysql");

  describe("saas.prisma on mysql", () => {
    let api: TestApi;
    const create = async (key: string, body: object): Promise<Row> => {
      const res = await api.post(`/api/records/${key}`, body);
      expectStatus(res, 201);
      return res.body.data;
    };

    beforeAll(async () => {
      api = await openTestApi(testSchemaPath("saas"), { provider: "mysql" });
    });
    afterAll(async () => {
      await api?.close();
    });

    it("keeps an implicit many-to-many set in Prisma's _LabelToTask table", async () => {
      const org = await create("organization", { name: "Acme", slug: "acme" });
      const project = await create("project", { title: "Site", org: org.$id });
      const bug = await create("label", { name: "bug" });
      const docs = await create("label", { name: "docs" });
      const task = await create("task", { title: "Fix", project: project.$id, labels: [bug.$id, docs.$id] });
      expect(task.labels).toBe(2);
      // A is the label (the model named first), B the task: Prisma Client reads the set through these columns.
      const rows = await api.client.$queryRawUnsafe("SELECT `A`, `B` FROM `_LabelToTask` ORDER BY `A`");
      expect(rows).toEqual([
        { A: bug.id, B: task.id },
        { A: docs.id, B: task.id },
      ]);
      const filtered = await api.get(`/api/records/task?filter.labels.eq=${docs.$id}`);
      expect(filtered.body.data.map((row: Row) => row.$id)).toEqual([task.$id]);
      expectStatus(await api.delete(`/api/records/label/${bug.$id}`), 204);
      expect((await api.get(`/api/records/task/${task.$id}`)).body.data.labels).toBe(1);
    });

    it("answers 409 on both fields of a compound unique and 422 on a text past VARCHAR(191)", async () => {
      const org = await create("organization", { name: "Beta", slug: "beta" });
      const user = await create("user", { email: "ann@example.com" });
      await create("membership", { org: org.$id, user: user.$id });
      const twin = await api.post("/api/records/membership", { org: org.$id, user: user.$id });
      expectApiError(twin, 409, "unique_violation", ["orgId", "userId"]);
      // utf8mb4_unicode_ci: a unique text ignores case, as with `prisma db push` on MySQL.
      expectApiError(
        await api.post("/api/records/user", { email: "ANN@example.com" }),
        409,
        "unique_violation",
        ["email"],
      );
      const long = await api.post("/api/records/organization", { name: "x".repeat(192), slug: "long" });
      expectApiError(long, 422, "validation_failed", ["name"]);
    });

    it("estimates the count of a big table from information_schema", async () => {
      for (const slug of ["c", "d", "e"]) await create("organization", { name: slug, slug });
      const dataSource = createPrismaDataSource({ client: api.client, schema: api.schema, maxExactCount: 2 });
      const counted = await dataSource.count(api.model("organization"));
      expect(counted.isEstimate).toBe(true);
      // More than the bound: the number is InnoDB's (its row counter is exact for small, insert-only tables).
      expect(counted.total).toBe(await api.client.organization.count());
      expect(counted.total).toBeGreaterThan(2);
      expect(await dataSource.count(api.model("api-key"))).toEqual({ total: 0, isEstimate: false });
    });

    it("logged no unexpected error", () => {
      expect(api.problems).toEqual([]);
    });
  });
});
