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
  pages.forEach((page, index) => {
    lines.push(`const Page${index} = lazy(() => import(${JSON.stringify(page.component)}));`);
    const icon = page.icon ? `, icon: Icon${icons.indexOf(page.icon)}` : "";
    const description = page.description ? `, description: ${JSON.stringify(page.description)}` : "";
    calls.push(
      `registry.registerPage({ key: ${JSON.stringify(page.key)}, title: ${JSON.stringify(page.title)}${description}${icon}, component: Page${index} });`,
    );
  });
  widgets.forEach((widget, index) => {
    lines.push(`import Widget${index} from ${JSON.stringify(widget.component)};`);
    const key = widget.type ?? `${widget.model}.${widget.field}`;
    calls.push(`registry.registerWidget(${JSON.stringify(key)}, Widget${index});`);
  });
  slots.forEach((slot, index) => {
    lines.push(`import Slot${index} from ${JSON.stringify(slot.component)};`);
    calls.push(
      `registry.registerSlot(${JSON.stringify({ slot: slot.slot, model: slot.model, title: slot.title })}, Slot${index});`,
    );
  });
  lines.push(`export function registerExtensions(registry) {\n  ${calls.join("\n  ")}\n}`);
  return `${lines.join("\n")}\n`;
}
