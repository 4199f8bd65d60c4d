import { describe, expect, it } from "vitest";
import { isJsonMediaType } from "./readJsonBody.js";

describe("isJsonMediaType", () => {
  it("accepts JSON with parameters and in any case", () => {
    expect(isJsonMediaType("application/json")).toBe(true);
    expect(isJsonMediaType("Application/JSON; charset=utf-8")).toBe(true);
    expect(isJsonMediaType("application/merge-patch+json")).toBe(true);
  });

  it("refuses everything a browser form or a missing header can send", () => {
    expect(isJsonMediaType(undefined)).toBe(false);
    expect(isJsonMediaType("")).toBe(false);
    expect(isJsonMediaType("text/plain;charset=UTF-8")).toBe(false);
    expect(isJsonMediaType("application/x-www-form-urlencoded")).toBe(false);
    expect(isJsonMediaType("multipart/form-data; boundary=x")).toBe(false);
    expect(isJsonMediaType("text/json")).toBe(false);
  });
});
