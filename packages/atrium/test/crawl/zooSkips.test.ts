import { describe, expect, it } from "vitest";
import type { Finding } from "./crawlLog.js";
import { applyKnownFailures, type KnownFailure, knownFailures } from "./zooSkips.js";

const finding = (model: string, channel: string): Finding => ({
  schema: "saas",
  model,
  channel,
  detail: "x",
});
const entry = (model: string, channel: RegExp, providers?: KnownFailure["providers"]): KnownFailure => ({
  point: "issue 10 point 4",
  schema: "saas",
  model,
  channel,
  why: "because",
  ...(providers ? { providers } : {}),
});

describe("applyKnownFailures", () => {
  it("lets through only what no entry explains, and names the entries that explain nothing any more", () => {
    const entries = [
      entry("issue", /^create$/),
      entry("invoice", /^readback:/),
      entry("label", /./, ["mysql"]),
    ];
    const result = applyKnownFailures(
      [finding("issue", "create"), finding("issue", "list"), finding("label", "get")],
      "saas",
      "sqlite",
      entries,
    );
    expect(result.unexplained).toEqual([finding("issue", "list"), finding("label", "get")]);
    // The mysql-only entry is not stale on sqlite: it does not apply there.
    expect(result.stale).toEqual([entries[1]]);
  });

  it("names the point of issue 10 and the reason of every entry", () => {
    for (const known of knownFailures) {
      expect(known.point).toMatch(/^issue 10 point \d/);
      expect(known.why.length).toBeGreaterThan(40);
    }
  });
});
