import { describe, expect, it } from "vitest";
import { providerOfUrl, redactUrl } from "./createAdapter.js";

describe("providerOfUrl", () => {
  it("recognises each supported database by its URL scheme", () => {
    expect(providerOfUrl("file:./demo.db")).toBe("sqlite");
    expect(providerOfUrl("postgresql://root@127.0.0.1/test")).toBe("postgresql");
    expect(providerOfUrl("postgres://root@127.0.0.1/test")).toBe("postgresql");
    expect(providerOfUrl("mysql://root@127.0.0.1/test")).toBe("mysql");
  });

  it("refuses other schemes without printing the password", () => {
    expect(() => providerOfUrl("mongodb://admin:hunter2@host/db")).toThrow(/admin:\*\*\*@host/);
    expect(() => providerOfUrl("mongodb://admin:hunter2@host/db")).not.toThrow(/hunter2/);
  });
});

describe("redactUrl", () => {
  it("keeps URLs without credentials unchanged", () => {
    expect(redactUrl("file:./x.db")).toBe("file:./x.db");
  });
});
