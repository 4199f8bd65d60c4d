import { describe, expect, it } from "vitest";
import type { SessionInfo } from "./authTypes.js";
import { canViewPage } from "./pageAccess.js";

const session = (permissions: string[], isSuperuser = false, roles: string[] = []): SessionInfo => ({
  user: { id: "u1", email: "ed@example.com", isSuperuser },
  permissions,
  roles,
});
const sales = { key: "sales-overview" };

describe("canViewPage", () => {
  it("shows a page without a rule only to users granted page:<key>:view", () => {
    expect(canViewPage(session(["model:book:change"]), sales)).toBe(false);
    expect(canViewPage(session(["page:sales-overview:view"]), sales)).toBe(true);
    expect(canViewPage(session(["page:sales-overview:view"]), { key: "stock" })).toBe(false);
  });

  it("honours wildcards and superusers as the server does", () => {
    expect(canViewPage(session(["page:*:view"]), sales)).toBe(true);
    expect(canViewPage(session(["page:sales-overview:*"]), sales)).toBe(true);
    expect(canViewPage(session(["*"], true), sales)).toBe(true);
  });

  it("opens a page with its own permission to users granted it, as well as to page:<key>:view", () => {
    const page = { key: "sales-overview", permission: "model:order:view" };
    expect(canViewPage(session(["model:book:view"]), page)).toBe(false);
    expect(canViewPage(session(["model:order:view"]), page)).toBe(true);
    expect(canViewPage(session(["page:sales-overview:view"]), page)).toBe(true);
    // Whoever may change orders may view them, as on the server.
    expect(canViewPage(session(["model:order:change"]), page)).toBe(true);
    expect(canViewPage(session(["route:sales:get"]), { key: "sales", permission: "route:sales:get" })).toBe(
      true,
    );
  });

  it("shows a page with a role to users with that role, and to superusers", () => {
    const page = { key: "audit", role: "auditor" };
    expect(canViewPage(session(["model:order:view"], false, ["clerk"]), page)).toBe(false);
    expect(canViewPage(session([], false, ["auditor"]), page)).toBe(true);
    expect(canViewPage(session(["*"], true), page)).toBe(true);
  });

  it("allows every page in an app without sign-in", () => {
    expect(canViewPage(undefined, sales)).toBe(true);
    expect(canViewPage(undefined, { key: "audit", role: "auditor" })).toBe(true);
  });
});
