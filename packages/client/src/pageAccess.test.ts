import { describe, expect, it } from "vitest";
import type { SessionInfo } from "./authTypes.js";
import { canViewPage } from "./pageAccess.js";

const session = (permissions: string[], isSuperuser = false): SessionInfo => ({
  user: { id: "u1", email: "ed@example.com", isSuperuser },
  permissions,
});

describe("canViewPage", () => {
  it("shows a custom page only to users granted page:<key>:view", () => {
    expect(canViewPage(session(["model:book:change"]), "sales-overview")).toBe(false);
    expect(canViewPage(session(["page:sales-overview:view"]), "sales-overview")).toBe(true);
    expect(canViewPage(session(["page:sales-overview:view"]), "stock")).toBe(false);
  });

  it("honours wildcards and superusers as the server does", () => {
    expect(canViewPage(session(["page:*:view"]), "sales-overview")).toBe(true);
    expect(canViewPage(session(["page:sales-overview:*"]), "sales-overview")).toBe(true);
    expect(canViewPage(session(["*"], true), "sales-overview")).toBe(true);
  });

  it("allows every page in an app without sign-in", () => {
    expect(canViewPage(undefined, "sales-overview")).toBe(true);
  });
});
