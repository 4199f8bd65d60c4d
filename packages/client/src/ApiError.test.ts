// @vitest-environment node
import { describe, expect, it } from "vitest";
import { ApiError, parseApiError } from "./ApiError.js";
import { createAdminApi } from "./createAdminApi.js";

describe("parseApiError", () => {
  it("keeps the server's code, message and per-field messages", () => {
    const error = parseApiError(
      422,
      JSON.stringify({
        error: { code: "validation_failed", message: "Check the form", fields: { email: "Required" } },
      }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.code).toBe("validation_failed");
    expect(error.message).toBe("Check the form");
    expect(error.fields).toEqual({ email: "Required" });
  });

  it("explains an HTML or empty answer instead of showing gibberish", () => {
    const error = parseApiError(502, "<html>Bad gateway</html>");
    expect(error.code).toBe("internal");
    expect(error.message).toMatch(/HTTP 502/);
    expect(parseApiError(404, "").code).toBe("not_found");
  });

  it("drops malformed field maps rather than rendering objects next to inputs", () => {
    const error = parseApiError(
      400,
      JSON.stringify({ error: { code: "bad_request", message: "x", fields: { a: 1 } } }),
    );
    expect(error.fields).toBeUndefined();
  });
});

describe("createAdminApi", () => {
  function fetchDouble(expectedUrl: string, response: Response): typeof fetch {
    return async (input) => {
      if (String(input) !== expectedUrl) throw new Error(`unexpected request ${String(input)}`);
      return response;
    };
  }

  it("encodes record ids in the path and unwraps `data`", async () => {
    const api = createAdminApi({
      baseUrl: "http://x/",
      fetch: fetchDouble(
        "http://x/api/records/post/a%2Fb%20c",
        new Response(JSON.stringify({ data: { $id: "a/b c", $label: "Hello" } })),
      ),
    });
    expect(await api.get("post", "a/b c")).toEqual({ $id: "a/b c", $label: "Hello" });
  });

  it("throws an ApiError with the server's field messages on a failed write", async () => {
    const body = {
      error: { code: "unique_violation", message: "Email taken", fields: { email: "Already used" } },
    };
    const api = createAdminApi({
      fetch: fetchDouble("/api/records/user", new Response(JSON.stringify(body), { status: 409 })),
    });
    const error = await api.create("user", { email: "a@b.c" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fields).toEqual({ email: "Already used" });
  });

  it("reports an unreachable server as a network error", async () => {
    const api = createAdminApi({
      fetch: async () => {
        throw new TypeError("Failed to fetch");
      },
    });
    await expect(api.meta()).rejects.toMatchObject({ code: "network_error", status: 0 });
  });
});
