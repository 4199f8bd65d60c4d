import { describe, expect, it } from "vitest";
import { ApiError } from "./ApiError.js";
import { createAdminApi } from "./createAdminApi.js";

/** A fetch double answering NDJSON in the given chunks, and what it was asked. */
function streaming(chunks: string[], status = 200) {
  const asked: { url: string; init: RequestInit }[] = [];
  const fetch = async (url: string | URL | Request, init: RequestInit = {}) => {
    asked.push({ url: String(url), init });
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
        controller.close();
      },
    });
    return new Response(body, { status, headers: { "content-type": "application/x-ndjson" } });
  };
  return { api: createAdminApi({ fetch: fetch as typeof globalThis.fetch }), asked };
}

describe("generate.run", () => {
  it("reports each batch as its line arrives, even split across chunks, and resolves with the summary", async () => {
    const { api, asked } = streaming([
      '{"type":"progress","model":"book","created":500,"count":1200,"step":0,"steps":1}\n{"type":"prog',
      'ress","model":"book","created":1000,"count":1200,"step":0,"steps":1}\n',
      '{"type":"done","created":1200,"seed":4,"models":[{"model":"book","created":1200,"skipped":0}]}\n',
    ]);
    const seen: number[] = [];
    const summary = await api.generate.run(
      "book",
      { count: 1200, seed: 4 },
      {
        onProgress: (line) => seen.push(line.created),
      },
    );
    expect(seen).toEqual([500, 1000]);
    expect(summary.created).toBe(1200);
    expect(asked[0]?.url).toBe("/api/records/book/generate");
    expect(new Headers(asked[0]?.init.headers).get("accept")).toBe("application/x-ndjson");
  });

  it("throws the streamed error as the ApiError the server meant", async () => {
    const { api } = streaming([
      '{"type":"error","status":403,"error":{"code":"forbidden","message":"You may not add depots"}}\n',
    ]);
    const failure = await api.generate.run("line", { count: 3 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 403, code: "forbidden", message: "You may not add depots" });
  });

  it("says the run did not finish when the answer ends without its summary", async () => {
    const { api } = streaming([
      '{"type":"progress","model":"tag","created":500,"count":900,"step":0,"steps":1}\n',
    ]);
    await expect(api.generate.run("tag", { count: 900 })).rejects.toMatchObject({ code: "network_error" });
  });

  it("refuses a bad count with the server's 400 before any line", async () => {
    const { api } = streaming(
      ['{"error":{"code":"bad_request","message":"count must be a whole number"}}'],
      400,
    );
    await expect(api.generate.run("tag", { count: 0 })).rejects.toMatchObject({
      status: 400,
      code: "bad_request",
    });
  });
});

describe("runAction with progress", () => {
  it("reports done/total and resolves with the answer", async () => {
    const { api } = streaming([
      '{"type":"progress","done":1,"total":2}\n{"type":"progress","done":2,"total":2}\n',
      '{"type":"done","message":"Shipped 2 orders","count":2}\n',
    ]);
    const seen: string[] = [];
    const answer = await api.runAction("order", "ship", { ids: ["1", "2"] }, (done, total) =>
      seen.push(`${done}/${total}`),
    );
    expect(seen).toEqual(["1/2", "2/2"]);
    expect(answer).toEqual({ message: "Shipped 2 orders", count: 2 });
  });

  it("throws a streamed refusal with its own status, not as a validation error", async () => {
    const { api } = streaming([
      '{"type":"error","status":503,"error":{"code":"database_unavailable","message":"The database is not answering"}}\n',
    ]);
    const failure = await api
      .runAction("order", "ship", { ids: ["1"] }, () => {})
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: 503, code: "database_unavailable" });
  });
});
