import { describe, expect, it } from "vitest";
import { extensionsModuleSource } from "./extensionsModule.js";

describe("extensionsModuleSource", () => {
  it("loads pages lazily and registers widgets and slots with their settings and component", () => {
    const source = extensionsModuleSource({
      pages: [
        {
          key: "sales",
          title: "Sales",
          component: "/p/admin/Sales.tsx",
          icon: "TrendingUp",
          permission: "route:sales:get",
        },
      ],
      widgets: [{ kind: "cell", model: "Review", field: "stars", component: "/p/admin/Stars.tsx" }],
      slots: [{ slot: "record.panel", model: "Book", title: "Stock", component: "/p/admin/Stock.tsx" }],
    });
    expect(source).toContain('import { TrendingUp as Icon0 } from "lucide-react";');
    expect(source).toContain('const Page0 = lazy(() => import("/p/admin/Sales.tsx"));');
    expect(source).toContain(
      'registry.registerPage({ "key":"sales","title":"Sales","permission":"route:sales:get", icon: Icon0, component: Page0 });',
    );
    expect(source).toContain('import Widget0 from "/p/admin/Stars.tsx";');
    expect(source).toContain(
      'registry.registerWidget({ "kind":"cell","model":"Review","field":"stars", component: Widget0 });',
    );
    expect(source).toContain(
      'registry.registerSlot({ "slot":"record.panel","model":"Book","title":"Stock", component: Slot0 });',
    );
  });

  it("registers nothing for a project without components", () => {
    const source = extensionsModuleSource({ pages: [], widgets: [], slots: [] });
    expect(source).not.toContain("lucide-react");
    expect(source).toMatch(/export function registerExtensions\(registry\) \{\s*\}/);
  });
});
