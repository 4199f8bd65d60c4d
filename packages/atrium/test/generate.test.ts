/**
 * `POST /api/records/{key}/generate` over the whole stack (SQLite): a preview writes nothing, a generation
 * writes its records and their parents audited as creates, counts are bounded, and only a user who may add
 * every model it would write may run it; hidden fields stay theirs to leave alone, and CSRF applies.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectApiError, readResponse } from "./apiResponse.js";
import { leakRules, leaksSchemaPath } from "./leaksFixture.js";
import { openTestApi, type TestApi } from "./openTestApi.js";

describe("POST /api/records/{key}/generate", () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await openTestApi(leaksSchemaPath, { provider: "sqlite", auth: { fields: leakRules } });
  });
  afterAll(() => api?.close());

  const countOf = async (key: string) => (await api.client[key].count()) as number;

  it("previews five rows in the wire encoding, the same for the same seed, and writes nothing", async () => {
    const first = await api.post("/api/records/customer/generate", { count: 50, seed: 7, preview: true });
    expect(first.status, first.text).toBe(200);
    const rows = (first.body as { data: Record<string, unknown>[] }).data;
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(row.email).toMatch(/^[^\s@]+@[^\s@]+\.[a-z]+$/);
      expect(typeof row.name).toBe("string");
      expect(row).not.toHaveProperty("id");
    }
    const again = await api.post("/api/records/customer/generate", { count: 50, seed: 7, preview: true });
    expect(again.body).toEqual(first.body);
    expect(await countOf("customer")).toBe(0);
    expect(await api.history.listAudit({ model: "customer" })).toHaveLength(0);
  });

  it("writes the records, their parents first, each audited as a create by the user", async () => {
    const res = await api.post("/api/records/subscription/generate", { count: 12, seed: 3 });
    expect(res.status, res.text).toBe(201);
    const body = res.body as { created: number; seed: number; models: { model: string; created: number }[] };
    expect(body.seed).toBe(3);
    expect(body.models.map((step) => step.model).sort()).toEqual(["customer", "plan", "subscription"]);
    expect(body.models.find((step) => step.model === "subscription")?.created).toBe(12);
    expect(await countOf("subscription")).toBe(12);
    expect(body.created).toBe(
      (await countOf("customer")) + (await countOf("plan")) + (await countOf("subscription")),
    );
    const entries = await api.history.listAudit({ model: "subscription", limit: 100 });
    expect(entries).toHaveLength(12);
    expect(
      entries.every((entry) => entry.action === "create" && entry.actorEmail === "admin@test.atrium"),
    ).toBe(true);
  });

  it("refuses counts outside 1..10,000 and malformed bodies with 400, writing nothing", async () => {
    const before = await countOf("tag");
    for (const body of [
      { count: 0 },
      { count: 10_001 },
      { count: 2.5 },
      { count: "5" },
      { count: 5, seed: -1 },
      [],
    ]) {
      const res = await api.post("/api/records/tag/generate", body);
      expectApiError(res, 400, "bad_request");
    }
    const tooMany = await api.post("/api/records/tag/generate", { count: 10_001 });
    expect((tooMany.body as { error: { message: string } }).error.message).toContain("1 to 10,000");
    expect(await countOf("tag")).toBe(before);
  });

  it("needs the add permission on the model and on every parent it would generate", async () => {
    const viewer = await api.userSession("viewer@generate.test", { permissions: ["model:review:view"] });
    expectApiError(
      await viewer.post("/api/records/review/generate", { count: 3, preview: true }),
      403,
      "forbidden",
    );
    // Lines need orders and depots, which have no records yet: generating them needs adding them too.
    const liner = await api.userSession("liner@generate.test", { permissions: ["model:line:add"] });
    expectApiError(await liner.post("/api/records/line/generate", { count: 3 }), 403, "forbidden");
    expect(await countOf("depot")).toBe(0);
    expect(await countOf("line")).toBe(0);
  });

  it("leaves fields hidden from the user empty, and refuses models whose required ones are hidden", async () => {
    // A review's customer is hidden from moderators: their reviews point at no customer, though customers exist.
    const moderator = await api.userSession("moderator@generate.test", {
      permissions: ["model:review:add", "model:review:view"],
      roles: ["moderator"],
    });
    const res = await moderator.post("/api/records/review/generate", { count: 10, seed: 5 });
    expect(res.status, res.text).toBe(201);
    expect(await countOf("customer")).toBeGreaterThan(0);
    expect(await api.client.review.count({ where: { customerId: { not: null } } })).toBe(0);
    // An order's customer key is hidden from clerks and required: they cannot fill it, generated or typed.
    const clerk = await api.userSession("clerk@generate.test", {
      permissions: ["model:order:add", "model:order:view"],
      roles: ["clerk"],
    });
    expectApiError(await clerk.post("/api/records/order/generate", { count: 2 }), 422, "validation_failed");
    expect(await countOf("order")).toBe(0);
  });

  /** Audit entries of tags, counted in the table (the history API answers at most 1,000 at once). */
  const auditedTags = async () => {
    const [row] = (await api.client.$queryRawUnsafe(
      "SELECT COUNT(*) AS n FROM atrium_audit_entry WHERE model = 'tag'",
    )) as { n: bigint | number }[];
    return Number(row?.n ?? 0);
  };

  /** The answer's NDJSON lines, for a request that asks for progress. */
  const linesOf = (text: string) =>
    text
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const withProgress = (body: unknown, signal?: AbortSignal) => ({
    method: "POST",
    headers: { ...api.authHeaders, "Content-Type": "application/json", Accept: "application/x-ndjson" },
    body: JSON.stringify(body),
    signal,
  });

  it("streams a line per written batch, then the summary, when asked for NDJSON", async () => {
    const before = await countOf("tag");
    const response = await api.app.request(
      "/api/records/tag/generate",
      withProgress({ count: 1200, seed: 9 }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = linesOf(await response.text());
    const progress = lines.filter((line) => line.type === "progress" && line.model === "tag");
    // Batches of 500: 500, 1000, 1200 written, each line after its batch committed.
    expect(progress.map((line) => line.created)).toEqual([500, 1000, 1200]);
    expect(progress.every((line) => line.count === 1200)).toBe(true);
    const done = lines.at(-1);
    expect(done).toMatchObject({ type: "done", seed: 9 });
    expect(await countOf("tag")).toBe(before + 1200);
  });

  it("streams a refusal found while planning as an error line in the API's error shape, writing nothing", async () => {
    const liner = await api.userSession("streamed-liner@generate.test", { permissions: ["model:line:add"] });
    const res = await liner.send("/api/records/line/generate", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/x-ndjson" },
      body: JSON.stringify({ count: 3 }),
    });
    expect(res.status).toBe(200);
    const [line] = linesOf(res.text);
    expect(line).toMatchObject({ type: "error", status: 403, error: { code: "forbidden" } });
    expect(await countOf("line")).toBe(0);
  });

  it("stops before its next batch when the caller goes away, leaving whole batches written and audited", async () => {
    const before = await countOf("tag");
    const auditedBefore = await auditedTags();
    const caller = new AbortController();
    const response = await api.app.request(
      "/api/records/tag/generate",
      withProgress({ count: 10_000, seed: 11 }, caller.signal),
    );
    const reader = response.body?.getReader();
    if (!reader) throw new Error("The answer has no body");
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain('"type":"progress"');
    caller.abort();
    await reader.cancel().catch(() => {});
    // The batch under way when the caller left is finished (its transaction commits); none starts after it.
    let written = -1;
    for (let tries = 0; tries < 50; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const now = await countOf("tag");
      if (now === written) break;
      written = now;
    }
    const created = written - before;
    expect(created).toBeGreaterThanOrEqual(500);
    expect(created).toBeLessThan(10_000);
    expect(created % 500).toBe(0);
    expect((await auditedTags()) - auditedBefore).toBe(created);
  });

  it("is a write like any other: refused without a same-origin Origin (CSRF)", async () => {
    const res = await readResponse(
      await api.app.request("/api/records/tag/generate", {
        method: "POST",
        headers: { ...api.authHeaders, Origin: "https://evil.example", "Content-Type": "application/json" },
        body: JSON.stringify({ count: 1 }),
      }),
    );
    expectApiError(res, 403, "forbidden");
  });
});
