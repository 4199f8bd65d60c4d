// @vitest-environment node
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AdminProvider, type AdminProviderProps, useAdmin } from "./AdminProvider.js";
import { createAdminApi } from "./createAdminApi.js";
import { createRegistry } from "./registry.js";

function PageTitle() {
  const { registry } = useAdmin();
  return createElement("h1", null, registry.page("sales")?.title ?? "none");
}

describe("useAdmin", () => {
  it("tells a custom page author how to fix a page rendered outside the admin", () => {
    expect(() => renderToString(createElement(PageTitle))).toThrow(
      "useAdmin() called outside <AdminProvider>; render your page through the admin registry",
    );
  });

  it("gives pages rendered inside the provider the registry they were registered in", () => {
    const registry = createRegistry().registerPage({
      key: "sales",
      title: "Sales overview",
      component: PageTitle,
    });
    const api = createAdminApi({
      fetch: async () => {
        throw new Error("no request expected while rendering");
      },
    });
    // Props built apart: createElement's overloads want `children` inside them for a required-children component.
    const props: AdminProviderProps = { api, registry, children: createElement(PageTitle) };
    const html = renderToString(createElement(AdminProvider, props));
    expect(html).toContain("Sales overview");
  });
});
