import { model } from "@atrium/core/testing";
import { describe, expect, it } from "vitest";
import { addBlocked } from "./addBlocked.js";

const session = model("Session", [], { label: "Session", labelPlural: "Sessions" });
const blockedBy = (addBlockedBy: object[]) => ({
  ...session,
  permissions: { view: true, add: false, change: true, delete: true, addBlockedBy },
});

describe("addBlocked", () => {
  it("says nothing when creates are not blocked by hidden fields", () => {
    expect(addBlocked(session)).toBeUndefined();
  });

  it("names the hidden required fields and gives superusers the config lines that fix it", () => {
    const blocked = blockedBy([
      { name: "sessionToken", label: "Session token", access: "writeOnly" },
      { name: "data", label: "Data", access: "visible" },
    ]);
    expect(addBlocked(blocked)).toEqual({
      reason: "Sessions cannot be added here: Session token and Data are required and hidden from everyone.",
      configLines: ['"Session.sessionToken": "writeOnly"', '"Session.data": "visible"'],
    });
  });

  it("tells other users (who get no field names) to ask an administrator, without config lines", () => {
    expect(addBlocked(blockedBy([]))).toEqual({
      reason: "Sessions cannot be added here: a required field is hidden from you. Ask an administrator.",
      configLines: [],
    });
  });
});
