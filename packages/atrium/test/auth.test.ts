/**
 * Sign-in and hardening through the HTTP API over a real database: login/logout/me, the replayed cookie,
 * throttling of 1,000 wrong passwords without locking out the real user, the same work for unknown accounts,
 * CSRF (cross-origin, missing Origin, text/plain), hidden fields (never sent, never filterable/sortable/
 * searchable, directly or through a relation, never writable), write-only fields (set on create and edit, never
 * read back, redacted in the audit log, absent from history and conflict rows) and mass assignment.
 */
import type { PasswordHasher } from "@atrium/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectApiError, expectStatus, readResponse } from "./apiResponse.js";
import { openTestApi, type TestApi, testAdmin, testOrigin, testPasswords } from "./openTestApi.js";
import { openDemoApi, testSchemaPath } from "./schemaPaths.js";

let api: TestApi;
beforeAll(async () => {
  api = await openDemoApi();
});
afterAll(async () => {
  await api?.close();
});

const login = async (target: TestApi, body: unknown, headers: Record<string, string> = {}) =>
  readResponse(
    await target.app.request("/api/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: testOrigin, ...headers },
      body: JSON.stringify(body),
    }),
  );

describe("sign-in", () => {
  it("signs in with a rotated HttpOnly cookie and answers who the user is", async () => {
    const first = await login(api, testAdmin);
    expectStatus(first, 200);
    expect(first.body.user).toMatchObject({ email: testAdmin.email, isSuperuser: true });
    const cookie = first.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(
      /^atrium_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/,
    );
    // Signing in again with the old cookie replaces it (no session fixation).
    const again = await login(api, testAdmin, { Cookie: cookie.split(";")[0] ?? "" });
    const rotated = again.headers.get("Set-Cookie") ?? "";
    expect(rotated.split(";")[0]).not.toBe(cookie.split(";")[0]);
    const old = await api.app.request("/api/meta", { headers: { Cookie: cookie.split(";")[0] ?? "" } });
    expect(old.status).toBe(401);

    const me = await api.get("/api/auth/me");
    expectStatus(me, 200);
    expect(me.body.user.email).toBe(testAdmin.email);
    expect(me.body.models.customer).toEqual({ view: true, add: true, change: true, delete: true });
  });

  it("gives the same 401 for an unknown email, a wrong password and an inactive account", async () => {
    const inactive = await api.userSession("inactive@test.atrium", { permissions: ["model:book:view"] });
    const user = await api.authStore.findUserByEmail("inactive@test.atrium");
    await api.authStore.updateUser(user?.id ?? "", { isActive: false });
    const answers = await Promise.all([
      login(api, { email: "nobody@test.atrium", password: "whatever-password" }),
      login(api, { email: testAdmin.email, password: "wrong-password-here" }),
      login(api, { email: "inactive@test.atrium", password: "inactive@test.atrium-password" }),
    ]);
    for (const answer of answers) expectApiError(answer, 401, "unauthorized");
    expect(new Set(answers.map((answer) => answer.body.error.message)).size).toBe(1);
    // The deactivated user's open session stops working too.
    expectApiError(await inactive.get("/api/meta"), 401, "unauthorized");
  });

  it("refuses every API route without a session, but not health and login", async () => {
    for (const path of [
      "/api/meta",
      "/api/counts",
      "/api/records/book",
      "/api/lookup/book",
      "/api/history",
    ]) {
      expectApiError(await readResponse(await api.app.request(path)), 401, "unauthorized");
    }
    expectApiError(await readResponse(await api.app.request("/api/auth/me")), 401, "unauthorized");
    expect((await api.app.request("/healthz")).status).toBe(200);
    // A route nobody registered is still behind the guard: 401, not 404, so it tells nothing.
    expectApiError(await readResponse(await api.app.request("/api/not-a-route")), 401, "unauthorized");
  });

  it("ends the session at logout: the same cookie replayed afterwards gets 401", async () => {
    const session = await api.signIn(testAdmin.email, testAdmin.password);
    expectStatus(await session.get("/api/meta"), 200);
    const out = await session.send("/api/auth/logout", { method: "POST" });
    expectStatus(out, 204);
    expect(out.headers.get("Set-Cookie")).toMatch(/^atrium_session=; .*Max-Age=0/);
    expectApiError(await session.get("/api/meta"), 401, "unauthorized");
    expectApiError(await session.get("/api/auth/me"), 401, "unauthorized");
    const entries = await api.authStore.listAudit({ action: "logout", limit: 5 });
    expect(entries[0]?.actorEmail).toBe(testAdmin.email);
  });

  it("records who made a change in the audit history", async () => {
    const editor = await api.userSession("author-editor@test.atrium", {
      permissions: ["model:author:add", "model:author:change"],
    });
    const created = await editor.post("/api/records/author", { name: "Audited Author" });
    expectStatus(created, 201);
    const history = await api.get(`/api/records/author/${created.body.data.$id}/history`);
    expect(history.body.data[0].actor.email).toBe("author-editor@test.atrium");
  });
});

describe("throttling and timing", () => {
  it("answers 429 with Retry-After to 1,000 wrong passwords, and the real user signs in once the window passed", async () => {
    let now = new Date("2026-01-01T10:00:00Z");
    const throttled = await openTestApi(testSchemaPath("saas"), { auth: { now: () => now } });
    try {
      const statuses = new Map<number, number>();
      let retryAfter: string | null = null;
      for (let attempt = 0; attempt < 1000; attempt++) {
        const answer = await login(throttled, {
          email: testAdmin.email,
          password: `guess-${attempt}-password`,
        });
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status === 429) retryAfter = answer.headers.get("Retry-After");
      }
      expect(statuses.get(401)).toBe(5);
      expect(statuses.get(429)).toBe(995);
      expect(Number(retryAfter)).toBeGreaterThan(0);
      // Still throttled for the real password inside the window...
      expectApiError(await login(throttled, testAdmin), 429, "too_many_requests");
      // ...and no lock-out once it has passed.
      now = new Date(now.getTime() + 16 * 60 * 1000);
      expectStatus(await login(throttled, testAdmin), 200);
    } finally {
      await throttled.close();
    }
  }, 120_000);

  it("spends one key derivation on unknown accounts as on known ones (counted, not timed)", async () => {
    const calls = { verify: 0, dummy: 0 };
    const counting: PasswordHasher = {
      ...testPasswords,
      verify: (password, encoded) => {
        calls.verify++;
        return testPasswords.verify(password, encoded);
      },
      verifyAgainstDummy: (password) => {
        calls.dummy++;
        return testPasswords.verifyAgainstDummy(password);
      },
    };
    const counted = await openTestApi(testSchemaPath("saas"), { auth: { passwords: counting } });
    try {
      calls.verify = 0;
      const unknown = await login(counted, { email: "ghost@test.atrium", password: "some-password-1" });
      expect(calls).toEqual({ verify: 0, dummy: 1 });
      const wrong = await login(counted, { email: testAdmin.email, password: "some-password-1" });
      expect(calls).toEqual({ verify: 1, dummy: 1 });
      expect(unknown.text).toBe(wrong.text);
    } finally {
      await counted.close();
    }
  });
});

describe("CSRF and content types", () => {
  const body = JSON.stringify({ name: "Forged" });
  it("refuses writes from another origin, and without Origin unless Sec-Fetch-Site is same-origin", async () => {
    const forged = await api.send("/api/records/author", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: "https://evil.example" },
      body,
    });
    expectApiError(forged, 403, "forbidden");
    const noOrigin = await readResponse(
      await api.app.request("/api/records/author", {
        method: "POST",
        headers: { "Content-Type": "application/json", Cookie: api.authHeaders.Cookie ?? "" },
        body,
      }),
    );
    expectApiError(noOrigin, 403, "forbidden");
    const sameSite = await readResponse(
      await api.app.request("/api/records/author", {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Cookie: api.authHeaders.Cookie ?? "",
          "Sec-Fetch-Site": "same-origin",
        },
        body,
      }),
    );
    expectStatus(sameSite, 201);
  });

  it("refuses a cross-origin HTML form post and a same-origin text/plain post", async () => {
    const form = await api.send("/api/records/author", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example" },
      body: "name=Forged",
    });
    expectApiError(form, 403, "forbidden");
    const plain = await api.send("/api/records/author", {
      method: "POST",
      headers: { "Content-Type": "text/plain" },
      body,
    });
    expectApiError(plain, 415, "unsupported_media_type");
    const crossPlain = await api.send("/api/auth/logout", {
      method: "POST",
      headers: { "Content-Type": "text/plain", Origin: "https://evil.example" },
    });
    expectApiError(crossPlain, 403, "forbidden");
  });

  it("refuses __proto__ keys and bodies with too many keys", async () => {
    const proto = await api.send("/api/records/author", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: '{"name":"P","__proto__":{"isSuperuser":true}}',
    });
    expectApiError(proto, 400, "bad_request");
    const many = Object.fromEntries(Array.from({ length: 600 }, (_, index) => [`k${index}`, 1]));
    expectApiError(await api.post("/api/records/author", many), 413, "payload_too_large");
  });

  it("sends the security headers on API answers", async () => {
    const answer = await api.get("/api/meta");
    expect(answer.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
    expect(answer.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(answer.headers.get("Referrer-Policy")).toBe("same-origin");
    expect(answer.headers.get("X-Frame-Options")).toBe("DENY");
  });
});

describe("hidden fields", () => {
  it("never sends secret-named fields: rows, meta, related rows, history", async () => {
    const customer = await api.client.customer.findFirst({ where: { apiToken: { not: null } } });
    expect(customer?.apiToken).toBeTruthy();
    const row = await api.get(`/api/records/customer/${customer.id}`);
    expectStatus(row, 200);
    expect(row.body.data).not.toHaveProperty("apiToken");
    expect(row.text).not.toContain(customer.apiToken);
    const list = await api.get("/api/records/customer?perPage=200");
    expect(list.text).not.toContain("apiToken");
    const meta = await api.get("/api/meta");
    const customerMeta = meta.body.models.find((model: { key: string }) => model.key === "customer");
    expect(customerMeta.fields.map((field: { name: string }) => field.name)).not.toContain("apiToken");
    expect(customerMeta.permissions).toEqual({ view: true, add: true, change: true, delete: true });
    const staffMeta = meta.body.models.find((model: { key: string }) => model.key === "staff");
    expect(staffMeta.fields.map((field: { name: string }) => field.name)).not.toContain("passwordHash");
    // Its required password hash is hidden: the UI must not offer a create form that cannot succeed.
    expect(staffMeta.permissions.add).toBe(false);
    const staff = await api.post("/api/records/staff", {
      email: "new-staff@example.com",
      name: "New Staff",
      hiredOn: "2026-01-01T00:00:00.000Z",
    });
    expect(expectApiError(staff, 422, "validation_failed").message).toContain(
      "Password hash is required but hidden",
    );
    expect((await api.get("/api/records/staff?perPage=50")).text).not.toContain("passwordHash");

    // Changed behind the admin's back, then edited through it: the history shows no token.
    const edited = await api.patch(`/api/records/customer/${customer.id}`, { phone: "+1 555 0100" });
    expectStatus(edited, 200);
    const history = await api.get(`/api/records/customer/${customer.id}/history`);
    expect(history.text).not.toContain("apiToken");
    const global = await api.get("/api/history?model=customer");
    expect(global.text).not.toContain(customer.apiToken);
  });

  it("refuses to filter, sort or search on a hidden field, directly or through a relation (400)", async () => {
    const customer = await api.client.customer.findFirst({ where: { apiToken: { not: null } } });
    const token = encodeURIComponent(customer.apiToken);
    for (const path of [
      `/api/records/customer?filter.apiToken.eq=${token}`,
      "/api/records/customer?filter.apiToken.isNull=false",
      "/api/records/customer?sort=apiToken",
      `/api/records/order?filter.customer.apiToken.eq=${token}`,
      `/api/records/order?filter.customer.apiToken.startsWith=${token.slice(0, 3)}`,
      "/api/records/order?sort=customer.apiToken",
      "/api/records/staff?filter.passwordHash.contains=scrypt",
    ]) {
      expectApiError(await api.get(path), 400, "bad_request");
    }
    // Search runs over visible search fields only: the token finds nothing.
    const search = await api.get(`/api/records/customer?q=${token}`);
    expectStatus(search, 200);
    expect(search.body.total).toBe(0);
    const lookup = await api.get(`/api/lookup/customer?q=${token}`);
    expect(lookup.body.data).toEqual([]);
  });

  it("never orders by a title field hidden from the user: relation sorts answer 400, pickers order by the id", async () => {
    const hiding = await openDemoApi({ auth: { fields: { models: { customer: { email: "hidden" } } } } });
    try {
      const titleField = api.schema.models.find((model) => model.key === "customer")?.titleField;
      expect(titleField).toBe("email");
      for (const path of ["/api/records/order?sort=customer", "/api/records/order?sort=-customer.email"]) {
        expectApiError(await hiding.get(path), 400, "bad_request");
      }
      // Customer profiles are labelled by their customer: with emails hidden, by the customer's id, in id order.
      for (const key of ["customer-profile", "customer"]) {
        const lookup = await hiding.get(`/api/lookup/${key}?limit=10`);
        expectStatus(lookup, 200);
        const labels = lookup.body.data.map((ref: { $label: string }) => Number(ref.$label));
        expect(labels).toHaveLength(10);
        expect(labels).toEqual([...labels].sort((a, b) => a - b));
      }
    } finally {
      await hiding.close();
    }
  });

  it("versions only what the user sees: a hidden value's change neither shows in $version nor makes an edit stale", async () => {
    const hiding = await openDemoApi({
      auth: { fields: { models: { customer: { phone: { hiddenFrom: ["support"] } } } } },
    });
    try {
      const support = await hiding.userSession("support@test.atrium", {
        permissions: ["model:customer:view", "model:customer:change"],
        roles: ["support"],
      });
      const customer = await hiding.client.customer.findFirst({ orderBy: { id: "asc" } });
      const path = `/api/records/customer/${customer.id}`;
      const seenBySupport = (await support.get(path)).body.data;
      const seenByAdmin = (await hiding.get(path)).body.data;
      expect(seenBySupport).not.toHaveProperty("phone");
      expect(seenBySupport.$version).not.toBe(seenByAdmin.$version);

      // The superuser changes the phone: their version moves, the support user's does not.
      const phoneChange = await hiding.patch(path, { phone: "+1 555 0199", $version: seenByAdmin.$version });
      expectStatus(phoneChange, 200);
      expect(phoneChange.body.data.$version).not.toBe(seenByAdmin.$version);
      expect((await support.get(path)).body.data.$version).toBe(seenBySupport.$version);

      // The support user's edit, made from their (still current) version, goes through and keeps the phone.
      const nameChange = await support.patch(path, {
        firstName: "Renamed",
        $version: seenBySupport.$version,
      });
      expectStatus(nameChange, 200);
      const stored = await hiding.client.customer.findUnique({ where: { id: customer.id } });
      expect(stored).toMatchObject({ firstName: "Renamed", phone: "+1 555 0199" });

      // A stale edit of a visible field is a conflict whose current row hides the phone and carries their version.
      const stale = await support.patch(path, { lastName: "Stale", $version: seenBySupport.$version });
      const conflict = expectApiError(stale, 409, "conflict");
      const current = (conflict.details as { current: Record<string, unknown> }).current;
      expect(current).not.toHaveProperty("phone");
      expect(current.$version).toBe((await support.get(path)).body.data.$version);
      expect(stale.text).not.toContain("555 0199");
    } finally {
      await hiding.close();
    }
  });

  it("re-creates a deleted record with hidden fields; a secret the history never kept comes back empty", async () => {
    const showing = await openDemoApi({
      auth: { fields: { models: { customer: { apiToken: "visible" } } } },
    });
    try {
      for (const target of [api, showing]) {
        const customer = await target.client.customer.create({
          data: {
            email: `revert-${target === api ? "hidden" : "shown"}@example.com`,
            firstName: "R",
            lastName: "T",
            apiToken: `atk_${target === api ? 1 : 2}`,
          },
        });
        expectStatus(await target.delete(`/api/records/customer/${customer.id}`), 204);
        const [deleted] = (await target.get(`/api/records/customer/${customer.id}/history`)).body.data;
        const reverted = await target.post(`/api/history/${deleted.id}/revert`, {});
        expectStatus(reverted, 200);
        const back = await target.client.customer.findUnique({ where: { id: customer.id } });
        expect(back).toMatchObject({ email: customer.email, apiToken: null });
        // Only a user who sees the field is told it came back empty; to the others it does not exist.
        expect(reverted.body.data.unrecorded).toEqual(target === api ? [] : ["API token"]);
        expect(reverted.text).not.toContain("atk_");
      }
    } finally {
      await showing.close();
    }
  });

  it("refuses hidden, read-only and nested relation fields and operator objects in writes (422)", async () => {
    const author = await api.client.author.findFirst();
    const cases: [string, Record<string, unknown>, string][] = [
      [
        "/api/records/customer",
        { email: "x1@example.com", firstName: "A", lastName: "B", apiToken: "t" },
        "apiToken",
      ],
      [
        "/api/records/staff",
        { email: "s1@example.com", name: "S", hiredOn: "2026-01-01T00:00:00.000Z", passwordHash: "x" },
        "passwordHash",
      ],
      ["/api/records/author", { name: "A", id: 99999 }, "id"],
      ["/api/records/author", { name: "A", createdAt: "2020-01-01T00:00:00.000Z", books: [] }, "books"],
      [
        "/api/records/book",
        { title: "T", isbn: "9790000000999", author: { create: { name: "Nested" } } },
        "author",
      ],
      [
        "/api/records/book",
        { title: "T", isbn: "9790000000998", author: { connect: { id: author.id } } },
        "author",
      ],
      [
        "/api/records/book",
        { title: { contains: "x" }, isbn: "9790000000997", authorId: author.id },
        "title",
      ],
      ["/api/records/book", { title: "T", isbn: "9790000000996", authorId: { gt: 0 } }, "authorId"],
    ];
    for (const [path, body, field] of cases) {
      expectApiError(await api.post(path, body), 422, "validation_failed", [field]);
    }
    const customer = await api.client.customer.findFirst();
    expectApiError(
      await api.patch(`/api/records/customer/${customer.id}`, { apiToken: "stolen" }),
      422,
      "validation_failed",
      ["apiToken"],
    );
    expect((await api.client.customer.findUnique({ where: { id: customer.id } })).apiToken).toBe(
      customer.apiToken,
    );
    expect(await api.client.author.count({ where: { name: "Nested" } })).toBe(0);
  });
});

describe("write-only fields", () => {
  // A secret-named field (Staff.passwordHash) and a plain one (Customer.lastName: required, searched, in labels
  // through relations) configured write-only, so the rules cannot lean on the name.
  let wo: TestApi;
  beforeAll(async () => {
    wo = await openDemoApi({
      auth: {
        fields: { models: { staff: { passwordHash: "writeOnly" }, customer: { lastName: "writeOnly" } } },
      },
    });
  });
  afterAll(async () => {
    await wo?.close();
  });
  const newCustomer = (suffix: string, extra: Record<string, unknown> = {}) => ({
    email: `wo-${suffix}@example.com`,
    firstName: "Wanda",
    ...extra,
  });
  const stored = async (key: "customer" | "staff", id: string) =>
    wo.client[key].findUnique({ where: { id: Number(id) } });

  it("lists write-only fields in meta apart from fields, and lets whoever may add create the model", async () => {
    const meta = await wo.get("/api/meta");
    const model = (key: string) =>
      meta.body.models.find((candidate: { key: string }) => candidate.key === key);
    const names = (fields: { name: string }[]) => fields.map((field) => field.name);
    expect(names(model("staff").fields)).not.toContain("passwordHash");
    expect(model("staff").writeOnlyFields).toEqual([
      expect.objectContaining({
        name: "passwordHash",
        label: "Password hash",
        type: "String",
        isRequired: true,
        help: "scrypt hash of the staff member's password.",
      }),
    ]);
    expect(model("staff").permissions.add).toBe(true);
    expect(names(model("customer").fields)).not.toContain("lastName");
    expect(names(model("customer").writeOnlyFields)).toEqual(["lastName"]);
    expect(model("customer").searchFields).toEqual(["email", "firstName"]);
    expect(model("customer-profile").searchFields).not.toContain("customer.lastName");
    expect(model("book").writeOnlyFields).toEqual([]);
  });

  it("creates with a write-only value, refuses a create without a required one (422 naming it), reads none back", async () => {
    const missing = await wo.post("/api/records/customer", newCustomer("missing"));
    expect(expectApiError(missing, 422, "validation_failed", ["lastName"]).fields?.lastName).toBe(
      "This field is required",
    );
    const created = await wo.post("/api/records/customer", newCustomer("created", { lastName: "Quuxwrite" }));
    expectStatus(created, 201);
    expect(created.body.data).not.toHaveProperty("lastName");
    expect(created.text).not.toContain("Quuxwrite");
    expect((await stored("customer", created.body.data.$id)).lastName).toBe("Quuxwrite");

    const staff = await wo.post("/api/records/staff", {
      email: "wo-staff@example.com",
      name: "Write Only",
      hiredOn: "2026-01-01T00:00:00.000Z",
      passwordHash: "scrypt$typed-by-an-admin",
    });
    expectStatus(staff, 201);
    expect(staff.text).not.toContain("typed-by-an-admin");
    expect((await stored("staff", staff.body.data.$id)).passwordHash).toBe("scrypt$typed-by-an-admin");

    const path = `/api/records/customer/${created.body.data.$id}`;
    for (const answer of [
      await wo.get(path),
      await wo.get("/api/records/customer?perPage=200&sort=-id"),
      await wo.get(`/api/records/staff/${staff.body.data.$id}`),
      await wo.get("/api/records/staff?perPage=200"),
      await wo.get("/api/records/customer-profile?perPage=200"),
      await wo.get("/api/lookup/customer?q=Wanda"),
    ]) {
      expectStatus(answer, 200);
      expect(answer.text).not.toContain("Quuxwrite");
      expect(answer.text).not.toContain("lastName");
      expect(answer.text).not.toContain("passwordHash");
      expect(answer.text).not.toContain("typed-by-an-admin");
    }
  });

  it("refuses to filter or sort on a write-only field, directly or through a relation (400), and never searches it", async () => {
    for (const path of [
      "/api/records/customer?filter.lastName.eq=Quuxwrite",
      "/api/records/customer?filter.lastName.isNull=false",
      "/api/records/customer?sort=lastName",
      "/api/records/order?filter.customer.lastName.startsWith=Q",
      "/api/records/order?sort=-customer.lastName",
      "/api/records/staff?filter.passwordHash.contains=scrypt",
      "/api/records/staff?sort=passwordHash",
    ]) {
      expectApiError(await wo.get(path), 400, "bad_request");
    }
    const created = await wo.post(
      "/api/records/customer",
      newCustomer("searched", { firstName: "Searchfirst", lastName: "Searchlast" }),
    );
    expectStatus(created, 201);
    const byFirstName = await wo.get("/api/records/customer?q=Searchfirst");
    expect(byFirstName.body.data.map((row: { $id: string }) => row.$id)).toEqual([created.body.data.$id]);
    const byLastName = await wo.get("/api/records/customer?q=Searchlast");
    expectStatus(byLastName, 200);
    expect(byLastName.body.total).toBe(0);
    expect((await wo.get("/api/lookup/customer?q=Searchlast")).body.data).toEqual([]);
  });

  it("edits: a given value replaces the stored one, leaving it out keeps it; superuser or not", async () => {
    const editor = await wo.userSession("wo-editor@test.atrium", {
      permissions: ["model:customer:view", "model:customer:add", "model:customer:change"],
    });
    const created = await editor.post(
      "/api/records/customer",
      newCustomer("edited", { lastName: "Firstlast" }),
    );
    expectStatus(created, 201);
    const path = `/api/records/customer/${created.body.data.$id}`;
    const set = await editor.patch(path, { lastName: "Secondlast", $version: created.body.data.$version });
    expectStatus(set, 200);
    expect(set.text).not.toContain("Secondlast");
    expect((await stored("customer", created.body.data.$id)).lastName).toBe("Secondlast");
    const kept = await wo.patch(path, { firstName: "Renamed" });
    expectStatus(kept, 200);
    expect(await stored("customer", created.body.data.$id)).toMatchObject({
      firstName: "Renamed",
      lastName: "Secondlast",
    });
    const viewer = await wo.userSession("wo-viewer@test.atrium", { permissions: ["model:customer:view"] });
    expectApiError(await viewer.patch(path, { lastName: "Stolen" }), 403, "forbidden");
    expect((await stored("customer", created.body.data.$id)).lastName).toBe("Secondlast");
  });

  it("keeps the value out of the audit log, the history and a conflict's current row", async () => {
    const created = await wo.post("/api/records/customer", newCustomer("audited", { lastName: "Auditlast" }));
    expectStatus(created, 201);
    const id = created.body.data.$id;
    const path = `/api/records/customer/${id}`;
    expectStatus(await wo.patch(path, { lastName: "Auditnext", $version: created.body.data.$version }), 200);
    const staff = await wo.client.staff.findFirst({ orderBy: { id: "asc" } });
    const staffPath = `/api/records/staff/${staff.id}`;
    expectStatus(await wo.patch(staffPath, { passwordHash: "scrypt$audited-hash" }), 200);

    // Stored: recorded as changed, with "[hidden]" for the values.
    const entries = await wo.history.listAudit({ model: "customer", recordId: id, limit: 10 });
    expect(entries.map((entry) => [entry.action, entry.changes.lastName])).toEqual([
      ["update", { old: "[hidden]", new: "[hidden]" }],
      ["create", { old: null, new: "[hidden]" }],
    ]);
    const staffEntries = await wo.history.listAudit({ model: "staff", recordId: String(staff.id), limit: 1 });
    expect(staffEntries[0]?.changes.passwordHash).toEqual({ old: "[hidden]", new: "[hidden]" });
    expect(JSON.stringify([...entries, ...staffEntries])).not.toMatch(/Auditlast|Auditnext|audited-hash/);
    // Its old value was never kept, so the change cannot be undone: refused rather than half done, saying why.
    const notKept = expectApiError(
      await wo.post(`/api/history/${staffEntries[0]?.id}/revert`, {}),
      409,
      "conflict",
    );
    expect(notKept.message).toContain("This change set Password hash, whose values the history never keeps");
    expect((await wo.client.staff.findUnique({ where: { id: staff.id } })).passwordHash).toBe(
      "scrypt$audited-hash",
    );
    // Undoing a creation sets nothing: it goes through, and the record is gone.
    const fresh = await wo.post("/api/records/customer", newCustomer("undone", { lastName: "Undonelast" }));
    const freshId = fresh.body.data.$id;
    const [creation] = await wo.history.listAudit({ model: "customer", recordId: freshId, action: "create" });
    expect(creation?.changes.lastName).toEqual({ old: null, new: "[hidden]" });
    expectStatus(await wo.post(`/api/history/${creation?.id}/revert`, {}), 200);
    expectApiError(await wo.get(`/api/records/customer/${freshId}`), 404, "not_found");

    // Served: that the field changed (its form sets it), never a value.
    for (const answer of [
      await wo.get(`${path}/history`),
      await wo.get("/api/history?model=customer"),
      await wo.get(`${staffPath}/history`),
      await wo.get(`/api/history/${entries[0]?.id}`),
    ]) {
      expectStatus(answer, 200);
      expect(answer.text).not.toMatch(/Auditlast|Auditnext|audited-hash|scrypt/);
    }
    const served = await wo.get(`/api/history/${staffEntries[0]?.id}`);
    expect(served.body.data.changes).toEqual({ passwordHash: { old: "[hidden]", new: "[hidden]" } });
    // An entry written before the field became write-only holds its value: served masked all the same.
    const older = await wo.history.withTransaction(wo.client).appendAudit({
      at: new Date(),
      actorId: null,
      actorEmail: "system",
      action: "update",
      model: "customer",
      recordId: id,
      changes: { lastName: { old: "Plainold", new: "Plainnew" }, phone: { old: null, new: "1" } },
      revertOf: null,
    });
    const olderServed = await wo.get(`/api/history/${older.id}`);
    expect(olderServed.body.data.changes).toEqual({
      lastName: { old: "[hidden]", new: "[hidden]" },
      phone: { old: null, new: "1" },
    });

    // The $version ignores the write-only value; a stale edit's 409 carries the current row without it.
    const before = (await wo.get(path)).body.data.$version;
    await wo.client.customer.update({ where: { id: Number(id) }, data: { lastName: "Behindtheback" } });
    expect((await wo.get(path)).body.data.$version).toBe(before);
    await wo.client.customer.update({ where: { id: Number(id) }, data: { phone: "+1 555 0142" } });
    const stale = await wo.patch(path, { firstName: "Stale", $version: before });
    const conflict = expectApiError(stale, 409, "conflict");
    expect((conflict.details as { current: Record<string, unknown> }).current).not.toHaveProperty("lastName");
    expect(stale.text).not.toContain("Behindtheback");

    // A revert refused because the record changed since carries the current row too, without the value.
    const [phoneEntry] = await wo.history.listAudit({ model: "customer", recordId: id, limit: 1 });
    await wo.patch(path, { phone: "+1 555 0143" });
    const phoneChange = (await wo.history.listAudit({ model: "customer", recordId: id, limit: 1 }))[0];
    expect(phoneChange?.id).not.toBe(phoneEntry?.id);
    await wo.client.customer.update({ where: { id: Number(id) }, data: { phone: "+1 555 0144" } });
    const revert = await wo.post(`/api/history/${phoneChange?.id}/revert`, {});
    const refused = expectApiError(revert, 409, "conflict");
    expect((refused.details as { current: Record<string, unknown> }).current).not.toHaveProperty("lastName");
    expect(revert.text).not.toContain("Behindtheback");
  });
});

describe("a revert refused because the record changed since", () => {
  it("carries the current row without the fields hidden from the user", async () => {
    const customer = await api.client.customer.findFirst({ where: { apiToken: { not: null } }, skip: 1 });
    const path = `/api/records/customer/${customer.id}`;
    expectStatus(await api.patch(path, { phone: "+1 555 0161" }), 200);
    const [entry] = await api.history.listAudit({
      model: "customer",
      recordId: String(customer.id),
      limit: 1,
    });
    await api.client.customer.update({ where: { id: customer.id }, data: { phone: "+1 555 0162" } });
    const revert = await api.post(`/api/history/${entry?.id}/revert`, {});
    const refused = expectApiError(revert, 409, "conflict");
    expect((refused.details as { current: Record<string, unknown> }).current).not.toHaveProperty("apiToken");
    expect(revert.text).not.toContain(customer.apiToken);
  });
});
