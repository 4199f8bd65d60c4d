import type { PageConfig, SlotConfig, WidgetConfig } from "../config/defineConfig.js";

export interface Extensions {
  pages: PageConfig[];
  widgets: WidgetConfig[];
  slots: SlotConfig[];
}

/**
 * Source of `virtual:atrium/extensions`: the project's components, registered in the admin's registry.
 * Pages load lazily (each its own chunk, fetched when opened); widgets and slots are small and render inside
 * generated pages, so they load with the admin. Paths are absolute, so Vite resolves them from the project.
 */
export function extensionsModuleSource({ pages, widgets, slots }: Extensions): string {
  const lines = ['import { lazy } from "react";'];
  const calls: string[] = [];
  const icons = [...new Set(pages.flatMap((page) => (page.icon ? [page.icon] : [])))];
  if (icons.length > 0) {
    lines.push(
      `import { ${icons.map((icon, index) => `${icon} as Icon${index}`).join(", ")} } from "lucide-react";`,
    );
  }
  // Everything but the component is data: written out as JSON, the component as the imported binding.
  const register = (method: string, fields: object, component: string, icon?: string) => {
    const data = JSON.stringify(fields).slice(1, -1);
    const members = [data, icon ? `icon: ${icon}` : "", `component: ${component}`].filter(Boolean).join(", ");
    calls.push(`registry.${method}({ ${members} });`);
  };
  pages.forEach(({ component, icon, ...page }, index) => {
    lines.push(`const Page${index} = lazy(() => import(${JSON.stringify(component)}));`);
    register("registerPage", page, `Page${index}`, icon ? `Icon${icons.indexOf(icon)}` : undefined);
  });
  widgets.forEach(({ component, ...widget }, index) => {
    lines.push(`import Widget${index} from ${JSON.stringify(component)};`);
    register("registerWidget", widget, `Widget${index}`);
  });
  slots.forEach(({ component, ...slot }, index) => {
    lines.push(`import Slot${index} from ${JSON.stringify(component)};`);
    register("registerSlot", slot, `Slot${index}`);
  });
  lines.push(`export function registerExtensions(registry) {\n  ${calls.join("\n  ")}\n}`);
  return `${lines.join("\n")}\n`;
}
