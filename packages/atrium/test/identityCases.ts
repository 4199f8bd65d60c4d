/**
 * Models identified without @id, by a secret-named field (nextauth.prisma: a verification token addressed by its
 * `@unique token`, a login token by `@@unique([identifier, token])`): every route answers with the token shown,
 * since it is the record's `$id` anyway, and history keeps it so that a delete can be reverted. Shared by the
 * SQLite suite (identity.test.ts) and the PostgreSQL and MySQL/MariaDB ones.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectApiError, expectStatus } from "./apiResponse.js";
import { openTestApi, type TestApi, type TestProvider } from "./openTestApi.js";
import { testSchemaPath } from "./schemaPaths.js";

// biome-ignore lint/suspicious/noExplicitAny: rows are JSON read back from the API.
type Row = any;

const expires = "2030-01-01T00:00:00.000Z";

export function describeIdentity(provider: TestProvider) {
  describe(`identity fields without @id (nextauth.prisma, ${provider})`, () => {
    let api: TestApi;

    beforeAll(async () => {
      api = await openTestApi(testSchemaPath("nextauth"), { provider });
      // Rows the application wrote, as the admin finds them on its first visit.
      await api.client.verificationToken.create({
        data: { identifier: "ann@example.com", token: "tok-ann", expires: new Date(expires) },
      });
      await api.client.loginToken.create({
        data: { identifier: "ann@example.com", token: "tok,ann", expires: new Date(expires) },
      });
    }, 180_000);
    afterAll(async () => {
      await api?.close();
    });

    it("lists, looks up and opens records addressed by a secret-named token, showing it", async () => {
      const cases = [
        { key: "verification-token", $id: "tok-ann", token: "tok-ann" },
        // Each part of a compound identity is encoded in the `$id`, a comma inside one included.
        { key: "login-token", $id: "ann%40example.com,tok%2Cann", token: "tok,ann" },
      ];
      for (const { key, $id, token } of cases) {
        const list = await api.get(`/api/records/${key}`);
        expectStatus(list, 200);
        expect(list.body.data).toEqual([
          expect.objectContaining({ $id, identifier: "ann@example.com", token, expires }),
        ]);
        const lookup = await api.get(`/api/lookup/${key}?q=ann`);
        expectStatus(lookup, 200);
        expect(lookup.body.data.map((hit: Row) => hit.$id)).toEqual([$id]);
        const record = await api.get(`/api/records/${key}/${encodeURIComponent($id)}`);
        expectStatus(record, 200);
        expect(record.body.data).toMatchObject({ $id, token });
        const meta = (await api.get("/api/meta")).body.models.find((model: Row) => model.key === key);
        expect(meta.fields.map((field: Row) => field.name)).toContain("token");
        expect(meta.permissions.add).toBe(true);
      }
    });

    it("creates, edits and deletes them, each answered with the record as stored", async () => {
      const created = await api.post("/api/records/verification-token", {
        identifier: "bob@example.com",
        token: "tok-bob",
        expires,
      });
      expectStatus(created, 201);
      expect(created.body.data).toMatchObject({ $id: "tok-bob", token: "tok-bob" });
      const compound = await api.post("/api/records/login-token", {
        identifier: "bob@example.com",
        token: "tok-bob",
        expires,
      });
      expectStatus(compound, 201);
      expect(compound.body.data.$id).toBe("bob%40example.com,tok-bob");
      const later = "2031-01-01T00:00:00.000Z";
      const edited = await api.patch(
        `/api/records/login-token/${encodeURIComponent(compound.body.data.$id)}`,
        {
          expires: later,
        },
      );
      expectStatus(edited, 200);
      expect(edited.body.data.expires).toBe(later);
      expect(await api.client.loginToken.count({ where: { identifier: "bob@example.com" } })).toBe(1);
      // A second token with the same value is a conflict on the field, not a second row.
      expectApiError(
        await api.post("/api/records/verification-token", { identifier: "x", token: "tok-bob", expires }),
        409,
        "unique_violation",
        ["token"],
      );
      expectStatus(await api.delete("/api/records/verification-token/tok-bob"), 204);
      expect(await api.client.verificationToken.count({ where: { token: "tok-bob" } })).toBe(0);
    });

    it("keeps the token in the history, so that its delete can be reverted", async () => {
      const created = await api.post("/api/records/verification-token", {
        identifier: "cy@example.com",
        token: "tok-cy",
        expires,
      });
      expectStatus(created, 201);
      expectStatus(await api.delete("/api/records/verification-token/tok-cy"), 204);
      const [deleted] = (await api.get("/api/records/verification-token/tok-cy/history")).body.data;
      expect(deleted).toMatchObject({ action: "delete", changes: { token: { old: "tok-cy", new: null } } });
      expectStatus(await api.post(`/api/history/${deleted.id}/revert`, {}), 200);
      expect(await api.client.verificationToken.findUnique({ where: { token: "tok-cy" } })).toMatchObject({
        identifier: "cy@example.com",
      });
    });

    it("still hides a secret-named field that is not the identity (Session.sessionToken)", async () => {
      const user = await api.post("/api/records/user", { email: "dee@example.com" });
      expectStatus(user, 201);
      await api.client.session.create({
        data: { sessionToken: "secret-session", userId: user.body.data.id, expires: new Date(expires) },
      });
      const [session] = (await api.get("/api/records/session")).body.data;
      expect(session).not.toHaveProperty("sessionToken");
      expect(JSON.stringify(session)).not.toContain("secret-session");
    });

    it("says why sessions cannot be created (their token is required and hidden) and which access fixes it", async () => {
      const sessionMeta = async (session: { get(path: string): Promise<Row> }) =>
        (await session.get("/api/meta")).body.models.find((model: Row) => model.key === "session");
      const blockedBy = [{ name: "sessionToken", label: "Session token", access: "writeOnly" }];
      expect((await sessionMeta(api)).permissions).toMatchObject({ add: false, addBlockedBy: blockedBy });
      const adder = await api.userSession("adder@example.com", {
        permissions: ["model:session:view", "model:session:add"],
      });
      // Told that creates are blocked, never which fields are hidden from them.
      expect((await sessionMeta(adder)).permissions).toMatchObject({ add: false, addBlockedBy: [] });
      // Whoever may not add sessions anyway is not told about fields.
      const viewer = await api.userSession("viewer@example.com", { permissions: ["model:session:view"] });
      expect((await sessionMeta(viewer)).permissions).toEqual({
        view: true,
        add: false,
        change: false,
        delete: false,
      });
      const refused = await api.post("/api/records/session", { user: "x", expires });
      expectApiError(refused, 422, "validation_failed");
      expect(refused.body.error.message).toContain("Session token is required but hidden");
    });

    it("logged no unexpected error", () => {
      expect(api.problems).toEqual([]);
    });
  });
}
