import { describe, expect, it } from "vitest";
import { createAdminApi } from "./createAdminApi.js";

/** A fetch double that answers only the requests a test lists, and throws for any other. */
function fakeFetch(answers: Record<string, { status?: number; body?: unknown }>) {
  const calls: { method: string; url: string; body?: unknown }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? "GET";
    const url = String(input);
    const answer = answers[`${method} ${url}`];
    if (!answer) throw new Error(`unexpected request: ${method} ${url}`);
    calls.push({ method, url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const status = answer.status ?? 200;
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status });
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

describe("createAdminApi: versions and history", () => {
  it("sends the version the user saw with deletes, so a changed record is not deleted", async () => {
    const double = fakeFetch({
      "DELETE /api/records/customer/7?version=v%2B1": { status: 204 },
      "POST /api/records/customer/delete-many": { body: { deleted: 2 } },
    });
    const api = createAdminApi({ fetch: double.fetch });
    await api.remove("customer", "7", "v+1");
    await api.removeMany("customer", ["7", "8"], { "7": "v1" });
    expect(double.calls[1]?.body).toEqual({ ids: ["7", "8"], versions: { "7": "v1" } });
  });

  it("asks for history with the filters that are set and the page to continue from", async () => {
    const page = { data: [], nextBefore: null };
    const double = fakeFetch({ "GET /api/history?model=book&action=update&before=e9": { body: page } });
    const api = createAdminApi({ fetch: double.fetch });
    expect(await api.history({ model: "book", action: "update", actor: "" }, "e9")).toEqual(page);
  });

  it("surfaces a refused revert as a conflict with the server's message", async () => {
    const double = fakeFetch({
      "POST /api/history/e1/revert": {
        status: 409,
        body: { error: { code: "conflict", message: "This customer changed since this entry (phone)" } },
      },
    });
    const api = createAdminApi({ fetch: double.fetch });
    await expect(api.revert("e1")).rejects.toMatchObject({
      code: "conflict",
      message: "This customer changed since this entry (phone)",
    });
  });
});

describe("createAdminApi: the project's routes", () => {
  it("calls /api/x/<name> under the admin's base URL and surfaces the route's refusal as an ApiError", async () => {
    const double = fakeFetch({
      "GET /admin/api/x/sales/pending": { body: { total: 3 } },
      "POST /admin/api/x/sales/ship": {
        status: 403,
        body: { error: { code: "forbidden", message: "You need route:sales:post" } },
      },
    });
    const api = createAdminApi({ fetch: double.fetch, baseUrl: "/admin" });
    expect(await api.route("sales", "get", "/pending")).toEqual({ total: 3 });
    await expect(api.route("sales", "POST", "ship", { body: { id: "7" } })).rejects.toMatchObject({
      status: 403,
      message: "You need route:sales:post",
    });
    expect(double.calls[1]?.body).toEqual({ id: "7" });
  });
});
