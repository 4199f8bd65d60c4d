import type { FieldMeta, ModelMeta } from "@atrium/core";
import type { ComponentType } from "react";
import {
  type CellWidgetProps,
  type CustomPageDefinition,
  type FieldWidgetProps,
  type SlotDefinition,
  type SlotName,
  slotNames,
  type WidgetDefinition,
  type WidgetKey,
} from "./extensionTypes.js";

/**
 * Everything a project adds to the admin, built once in the SPA's entry and given to `<AdminApp registry>`.
 * Every `register*` returns the registry, so registrations chain.
 */
export interface Registry {
  /** Adds a page at `/pages/{key}`; throws on a malformed or duplicate key. */
  registerPage(page: CustomPageDefinition): Registry;
  /** Replaces how a field is shown (`kind: "cell"`) or edited (`kind: "input"`); throws on a duplicate target. */
  registerWidget(widget: WidgetDefinition): Registry;
  /** Adds a component to a slot of the generated pages, for one model or every model. */
  registerSlot<S extends SlotName>(slot: SlotDefinition<S>): Registry;
  /** The registered pages, in registration order. */
  pages(): readonly CustomPageDefinition[];
  /** The page registered as `key`, if any. */
  page(key: string): CustomPageDefinition | undefined;
  /** The cell widget for `field` of `model`: the field's own, else its type's (`typeKey`), else undefined. */
  cellWidget(
    model: ModelMeta,
    field: FieldMeta,
    typeKey: WidgetKey,
  ): ComponentType<CellWidgetProps> | undefined;
  /** The input widget for `field` of `model`: the field's own, else its type's (`typeKey`), else undefined. */
  inputWidget(
    model: ModelMeta,
    field: FieldMeta,
    typeKey: WidgetKey,
  ): ComponentType<FieldWidgetProps> | undefined;
  /** The components of `slot` for `model`, in registration order. */
  slots<S extends SlotName>(slot: S, model: ModelMeta): readonly SlotDefinition<S>[];
}

const pageKeyPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function describeTarget(widget: WidgetDefinition): string {
  return widget.type !== undefined ? `type '${widget.type}'` : `field '${widget.model}.${widget.field}'`;
}

function checkWidget(widget: WidgetDefinition): void {
  // Checked at run time too: registrations may come from plain JavaScript.
  const kind: unknown = widget.kind;
  if (kind !== "cell" && kind !== "input") {
    throw new Error(`Widget kind '${String(kind)}' is unknown; use kind: "cell" or kind: "input"`);
  }
  const byField = typeof widget.model === "string" && typeof widget.field === "string";
  const byType = typeof widget.type === "string";
  if (byField === byType) {
    throw new Error(
      'A widget needs either { model, field } (one field, e.g. model: "Review", field: "stars") or { type } (e.g. type: "Boolean"), not both',
    );
  }
  if (typeof widget.component !== "function" && typeof widget.component !== "object") {
    throw new Error(`The ${widget.kind} widget for ${describeTarget(widget)} has no component`);
  }
}

/** A new, empty registry; each test and each app builds its own. */
export function createRegistry(): Registry {
  const pages: CustomPageDefinition[] = [];
  // `kind|Model.field` or `kind|type` -> component.
  const widgets = new Map<string, ComponentType<never>>();
  // Stored without the slot-to-props link, which `slots()` restores by filtering on the name.
  const slotList: { slot: SlotName; model?: string; title?: string }[] = [];

  function findWidget(kind: WidgetDefinition["kind"], model: ModelMeta, field: FieldMeta, typeKey: string) {
    return (
      widgets.get(`${kind}|${model.name}.${field.name}`) ??
      widgets.get(`${kind}|${model.key}.${field.name}`) ??
      widgets.get(`${kind}|${typeKey}`)
    );
  }

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
      const { key, permission, role } = page as { key: string; permission?: string; role?: string };
      if (permission !== undefined && role !== undefined) {
        throw new Error(`Custom page '${key}' names both a permission and a role; give one of them`);
      }
      pages.push(page);
      return registry;
    },
    registerWidget(widget) {
      checkWidget(widget);
      const target = widget.type !== undefined ? widget.type : `${widget.model}.${widget.field}`;
      const key = `${widget.kind}|${target}`;
      if (widgets.has(key)) {
        throw new Error(
          `A ${widget.kind} widget for ${describeTarget(widget)} is registered twice; keep one of them`,
        );
      }
      widgets.set(key, widget.component as ComponentType<never>);
      return registry;
    },
    registerSlot(slot) {
      if (!slotNames.includes(slot.slot)) {
        throw new Error(`Slot '${String(slot.slot)}' does not exist; the slots are ${slotNames.join(", ")}`);
      }
      slotList.push(slot);
      return registry;
    },
    pages: () => pages,
    page: (key) => pages.find((page) => page.key === key),
    cellWidget: (model, field, typeKey) =>
      findWidget("cell", model, field, typeKey) as ComponentType<CellWidgetProps> | undefined,
    inputWidget: (model, field, typeKey) =>
      findWidget("input", model, field, typeKey) as ComponentType<FieldWidgetProps> | undefined,
    slots: <S extends SlotName>(name: S, model: ModelMeta) =>
      slotList.filter(
        (slot) =>
          slot.slot === name &&
          (slot.model === undefined || slot.model === model.name || slot.model === model.key),
      ) as unknown as SlotDefinition<S>[],
  };
  return registry;
}
