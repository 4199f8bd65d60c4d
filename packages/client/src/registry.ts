import type { FieldMeta, ModelMeta } from "@atrium/core";
import type { ComponentType } from "react";

/** A page of your own, rendered inside the admin shell at `/pages/{key}` and listed in the sidebar. */
export interface CustomPageDefinition {
  /** URL segment; lowercase letters, digits and dashes. */
  key: string;
  title: string;
  description?: string;
  /** An icon component (lucide-react icons fit). */
  icon?: ComponentType<{ size?: number; "aria-hidden"?: boolean | "true" }>;
  component: ComponentType;
}

/** What every form input receives; widgets are controlled components over a form value. */
export interface FieldWidgetProps {
  /** The input's DOM id; the form's `<label htmlFor>` points at it. */
  id: string;
  field: FieldMeta;
  model: ModelMeta;
  value: unknown;
  onChange: (value: unknown) => void;
  onBlur: () => void;
  disabled: boolean;
  invalid: boolean;
  /** Ids of the help and error texts, for `aria-describedby`. */
  describedBy?: string;
}

/**
 * Widget keys: a scalar type (`String`, `Int`, `DateTime`...), `Text` (long strings), `Date` (`@db.Date`),
 * `enum`, `relation` (to-one), `relationMany` (implicit many-to-many), `list` (scalar lists), or
 * `Model.field` for one field of one model.
 */
export type WidgetKey = string;

export interface Registry {
  registerPage(page: CustomPageDefinition): Registry;
  registerWidget(key: WidgetKey, component: ComponentType<FieldWidgetProps>): Registry;
  pages(): readonly CustomPageDefinition[];
  page(key: string): CustomPageDefinition | undefined;
  widget(key: WidgetKey): ComponentType<FieldWidgetProps> | undefined;
}

const pageKeyPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function createRegistry(): Registry {
  const pages: CustomPageDefinition[] = [];
  const widgets = new Map<WidgetKey, ComponentType<FieldWidgetProps>>();
  const registry: Registry = {
    registerPage(page) {
      if (!pageKeyPattern.test(page.key)) {
        throw new Error(
          `Custom page key '${page.key}' must be lowercase letters, digits and dashes (e.g. 'sales-overview')`,
        );
      }
      if (pages.some((existing) => existing.key === page.key)) {
        throw new Error(`Custom page '${page.key}' is registered twice; give each page its own key`);
      }
      pages.push(page);
      return registry;
    },
    registerWidget(key, component) {
      widgets.set(key, component);
      return registry;
    },
    pages: () => pages,
    page: (key) => pages.find((page) => page.key === key),
    widget: (key) => widgets.get(key),
  };
  return registry;
}
