// @vitest-environment jsdom
import { createRegistry, type SessionInfo } from "@atrium/client";
import { cleanup, screen } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { CustomPageRoute } from "../pages/CustomPageRoute.js";
import { apiDouble, renderAdmin } from "../testing/renderAdmin.js";
import { Sidebar } from "./Sidebar.js";

const Page = () => <h1>Page content</h1>;
const registry = () =>
  createRegistry()
    .registerPage({ key: "sales", title: "Sales", permission: "model:order:view", component: Page })
    .registerPage({ key: "audit", title: "Audit", role: "auditor", component: Page })
    .registerPage({ key: "stock", title: "Stock", component: Page });

const clerk: SessionInfo = {
  user: { id: "u1", email: "clerk@example.com", isSuperuser: false },
  permissions: ["model:order:view"],
  roles: ["clerk"],
};

function api(session: SessionInfo) {
  return apiDouble({ me: async () => session, meta: async () => ({ models: [], enums: [] }) });
}

beforeAll(() => {
  // jsdom has no matchMedia; the sidebar's theme switch asks it for the system theme.
  window.matchMedia = ((query: string) => ({
    matches: false,
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  })) as unknown as typeof window.matchMedia;
});

afterEach(cleanup);

describe("custom pages and the session", () => {
  it("lists only the pages the session may see: by permission, by role, by page:<key>:view", async () => {
    renderAdmin(<Sidebar id="sidebar" />, { api: api(clerk), registry: registry() });
    expect(await screen.findByRole("link", { name: "Sales" })).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Audit" })).toBeNull();
    expect(screen.queryByRole("link", { name: "Stock" })).toBeNull();
  });

  it("lists a page that requires a role to a user with that role", async () => {
    renderAdmin(<Sidebar id="sidebar" />, {
      api: api({ ...clerk, permissions: [], roles: ["auditor"] }),
      registry: registry(),
    });
    expect(await screen.findByRole("link", { name: "Audit" })).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Sales" })).toBeNull();
  });

  it("answers a page the session may not see with a clear 'No access', not its content", async () => {
    renderAdmin(<CustomPageRoute />, {
      api: api(clerk),
      registry: registry(),
      path: "/pages/:pageKey",
      url: "/pages/audit",
    });
    expect(await screen.findByRole("heading", { name: "No access" })).toBeTruthy();
    expect(screen.getByText(/You do not have permission to view “Audit”/)).toBeTruthy();
    expect(screen.queryByText("Page content")).toBeNull();
  });

  it("renders a page the session may see", async () => {
    renderAdmin(<CustomPageRoute />, {
      api: api(clerk),
      registry: registry(),
      path: "/pages/:pageKey",
      url: "/pages/sales",
    });
    expect(await screen.findByRole("heading", { name: "Page content" })).toBeTruthy();
  });
});
