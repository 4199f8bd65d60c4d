/**
 * API tokens over the whole stack: created by a signed-in user (or a superuser for anyone), used as
 * `Authorization: Bearer` with no cookie, scoped to the user's permissions and hidden fields, refused on writes
 * when read-only, refused with a clear 401 when revoked or expired, and never able to manage tokens themselves.
 */
import { issueApiToken } from "@atrium/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectApiError, expectStatus } from "./apiResponse.js";
import type { TestApi, TestSession } from "./openTestApi.js";
import { openDemoApi } from "./schemaPaths.js";

const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();

describe("API tokens", () => {
  let api: TestApi;
  let editor: TestSession;
  let reader: TestSession;
  let made = 0;

  beforeAll(async () => {
    api = await openDemoApi();
    editor = await api.userSession("editor@tokens.test", {
      permissions: ["model:author:view", "model:author:add", "model:author:change", "model:author:delete"],
    });
    reader = await api.userSession("reader@tokens.test", { permissions: ["model:book:view"] });
  }, 120_000);
  afterAll(() => api?.close());

  const create = async (session: Pick<TestSession, "post">, body: Record<string, unknown> = {}) => {
    const answer = await session.post("/api/tokens", {
      name: `token ${++made}`,
      expiresAt: inDays(30),
      ...body,
    });
    expectStatus(answer, 201);
    return answer.body as { token: string; apiToken: { id: string; prefix: string; userId: string } };
  };

  it("is shown once at creation, then listed by name and prefix only, and reads records as its user", async () => {
    const created = await create(editor, { name: "nightly export" });
    expect(created.token).toMatch(/^atr_[A-Za-z0-9_-]{43}$/);
    expect(created.apiToken).toMatchObject({ name: "nightly export", readOnly: false, lastUsedAt: null });
    expect(created.token.startsWith(created.apiToken.prefix)).toBe(true);

    const script = api.tokenSession(created.token);
    const authors = await script.get("/api/records/author");
    expectStatus(authors, 200);
    expect(authors.body.data.length).toBeGreaterThan(0);
    expect((await script.get("/api/auth/me")).body.user.email).toBe("editor@tokens.test");

    const listed = await editor.get("/api/tokens");
    expectStatus(listed, 200);
    const [shown] = listed.body.tokens.filter((token: { name: string }) => token.name === "nightly export");
    expect(shown).toMatchObject({ prefix: created.apiToken.prefix, revokedAt: null });
    expect(shown.lastUsedAt).not.toBeNull();
    expect(listed.text).not.toContain(created.token);
    expect(listed.text).not.toMatch(/tokenHash|token_hash/);
  });

  it("refuses every write of a read-only token with 403 saying it is read-only, and changes nothing", async () => {
    const { token } = await create(editor, { readOnly: true });
    const script = api.tokenSession(token);
    const [author] = (await script.get("/api/records/author?perPage=1")).body.data;
    const path = `/api/records/author/${author.$id}`;
    const [entry] = (await api.get("/api/history?model=author&limit=1")).body.data ?? [];
    const writes = [
      script.post("/api/records/author", { name: "Read-only Ann" }),
      script.patch(path, { name: "Renamed", $version: author.$version }),
      script.delete(path),
      script.post("/api/records/author/delete-many", { ids: [author.$id] }),
      script.post("/api/records/author/actions/anything", { ids: [author.$id] }),
      script.post("/api/records/author/generate", { count: 1 }),
      script.send("/api/import/author?format=csv", { method: "POST", body: "name\nImported Ann" }),
      script.post(`/api/history/${entry?.id ?? "none"}/revert`, {}),
    ];
    for (const answer of await Promise.all(writes)) {
      const error = expectApiError(answer, 403, "forbidden");
      expect(error.message).toContain("is read-only");
    }
    expect((await script.get(path)).body.data.name).toBe(author.name);
    const named = await api.get("/api/records/author?q=Read-only%20Ann");
    expect(named.body.total).toBe(0);
    // The same writes a read-write token of the same user gets past the check.
    const writer = api.tokenSession((await create(editor)).token);
    expectStatus(await writer.post("/api/records/author", { name: "Written by a token" }), 201);
  });

  it("answers 401 saying so once revoked, and once expired", async () => {
    const { token, apiToken } = await create(editor, { name: "to revoke" });
    const script = api.tokenSession(token);
    expectStatus(await script.get("/api/records/author"), 200);
    const revoked = await editor.post(`/api/tokens/${apiToken.id}/revoke`, {});
    expectStatus(revoked, 200);
    expect(revoked.body.revokedAt).not.toBeNull();
    const refused = expectApiError(await script.get("/api/records/author"), 401, "unauthorized");
    expect(refused.message).toContain("'to revoke'");
    expect(refused.message).toContain("was revoked on");
    const listed = (await editor.get("/api/tokens")).body.tokens.find(
      (each: { id: string }) => each.id === apiToken.id,
    );
    expect(listed.revokedAt).toBe(revoked.body.revokedAt);

    const user = await api.authStore.findUserByEmail("editor@tokens.test");
    const long = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
    const expired = await issueApiToken(
      api.authStore,
      user?.id ?? "",
      { name: "last month's", expiresAt: new Date(Date.now() - 1000), readOnly: false },
      long,
    );
    const old = expectApiError(
      await api.tokenSession(expired.token).get("/api/records/author"),
      401,
      "unauthorized",
    );
    expect(old.message).toContain("'last month's'");
    expect(old.message).toContain("expired on");
    expect(
      expectApiError(await api.tokenSession("atr_not-a-real-token").get("/api/meta"), 401, "unauthorized")
        .message,
    ).toContain("not valid");
  });

  it("sees exactly what its user may see: no model without view permission on list, record, look-up or counts", async () => {
    const { token } = await create(reader, { readOnly: true });
    const script = api.tokenSession(token);
    const [author] = (await api.get("/api/records/author?perPage=1")).body.data;
    for (const path of [
      "/api/records/author",
      `/api/records/author/${author.$id}`,
      "/api/lookup/author",
      "/api/export/author?format=json",
    ]) {
      expectApiError(await script.get(path), 403, "forbidden");
      // The session of the same user is answered alike: one rule for both.
      expect((await reader.get(path)).status, path).toBe(403);
    }
    const counts = await script.get("/api/counts");
    expectStatus(counts, 200);
    expect(Object.keys(counts.body.data)).toEqual(["book"]);
    expect(Object.keys((await reader.get("/api/counts")).body.data)).toEqual(["book"]);
    const books = await script.get("/api/records/book?perPage=5");
    expectStatus(books, 200);
    expect(books.body.data).toEqual((await reader.get("/api/records/book?perPage=5")).body.data);
  });

  it("writes as its user: the history names them", async () => {
    const script = api.tokenSession((await create(editor)).token);
    const created = await script.post("/api/records/author", { name: "Audited by token" });
    expectStatus(created, 201);
    const history = await api.get(`/api/records/author/${created.body.data.$id}/history`);
    expect(history.body.data[0]).toMatchObject({
      action: "create",
      actor: { email: "editor@tokens.test" },
    });
  });

  it("needs no Origin for writes without a cookie, yet a cookie still needs the admin's own origin", async () => {
    const script = api.tokenSession((await create(editor)).token);
    const foreign = { "Content-Type": "application/json", Origin: "https://evil.example" };
    const body = JSON.stringify({ name: "From a script" });
    const plain = await script.send("/api/records/author", { method: "POST", headers: foreign, body });
    expectStatus(plain, 201);
    const withCookie = await script.send("/api/records/author", {
      method: "POST",
      headers: { ...foreign, Cookie: editor.cookie },
      body,
    });
    expect(expectApiError(withCookie, 403, "forbidden").message).toContain("Cross-site");
  });

  it("cannot create, list or revoke tokens with a token", async () => {
    const { token, apiToken } = await create(editor);
    const script = api.tokenSession(token);
    for (const answer of [
      await script.get("/api/tokens"),
      await script.post("/api/tokens", { name: "minted", expiresAt: inDays(7) }),
      await script.post(`/api/tokens/${apiToken.id}/revoke`, {}),
    ]) {
      expect(expectApiError(answer, 403, "forbidden").message).toContain("API tokens cannot manage");
    }
    expect((await editor.get("/api/tokens")).text).not.toContain('"minted"');
  });

  it("lets users manage their own tokens only, and superusers anyone's, audited on the owner", async () => {
    const editorId = (await api.authStore.findUserByEmail("editor@tokens.test"))?.id as string;
    const readerId = (await api.authStore.findUserByEmail("reader@tokens.test"))?.id as string;
    expectApiError(await reader.get(`/api/tokens?user=${editorId}`), 403, "forbidden");
    expectApiError(
      await reader.post("/api/tokens", { userId: editorId, name: "x", expiresAt: inDays(7) }),
      403,
      "forbidden",
    );
    const editorsToken = await create(editor);
    expectApiError(await reader.post(`/api/tokens/${editorsToken.apiToken.id}/revoke`, {}), 404, "not_found");

    const forReader = await create(api, { userId: readerId, name: "made by admin" });
    expect(forReader.apiToken.userId).toBe(readerId);
    expect((await api.tokenSession(forReader.token).get("/api/auth/me")).body.user.email).toBe(
      "reader@tokens.test",
    );
    const own = (await reader.get("/api/tokens")).body.tokens.map((token: { name: string }) => token.name);
    expect(own).toContain("made by admin");
    expectStatus(await api.post(`/api/tokens/${editorsToken.apiToken.id}/revoke`, {}), 200);
    expectApiError(await api.get("/api/tokens?user=nobody"), 404, "not_found");

    const audit = await api.authStore.listAudit({ recordId: `user:${readerId}` });
    expect(audit[0]).toMatchObject({ actorEmail: "admin@test.atrium", action: "update" });
    expect(JSON.stringify(audit[0]?.changes)).toContain("made by admin");
    expect(JSON.stringify(audit)).not.toContain(forReader.token);
  });

  it("refuses a token without a name or expiry, naming the fields", async () => {
    const error = expectApiError(await editor.post("/api/tokens", {}), 422, "validation_failed", [
      "name",
      "expiresAt",
    ]);
    expect(error.fields?.expiresAt).toContain("never expire");
    expectApiError(
      await editor.post("/api/tokens", { name: "x", expiresAt: inDays(400) }),
      422,
      "validation_failed",
      ["expiresAt"],
    );
  });
});
