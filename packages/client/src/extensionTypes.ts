/**
 * What a project registers to extend the admin: pages of its own, components in slots of the generated pages,
 * and widgets that replace how a field is shown (cell) or edited (input).
 */
import type { FieldMeta, ModelMeta } from "@atrium/core";
import type { ComponentType } from "react";
import type { Row } from "./types.js";

/**
 * Who else may open a custom page, beyond users granted `page:<key>:view` (the role editor's "View page"
 * box) and superusers.
 */
export type PageAccessRule =
  /** A permission string as roles grant it, e.g. `model:order:view` or `route:sales:get`. */
  | { permission: string; role?: never }
  /** The name of a role the user must have (superusers pass every rule). */
  | { role: string; permission?: never }
  | { permission?: never; role?: never };

/** A page of your own, rendered inside the admin shell at `/pages/{key}` and listed in the sidebar. */
export type CustomPageDefinition = PageAccessRule & {
  /** URL segment; lowercase letters, digits and dashes. */
  key: string;
  /** Sidebar entry and the text of the "not allowed" message. */
  title: string;
  /** One line about the page, for your own overview pages. */
  description?: string;
  /** An icon component (lucide-react icons fit). */
  icon?: ComponentType<{ size?: number; "aria-hidden"?: boolean | "true" }>;
  component: ComponentType;
};

/** What every form input receives; input widgets are controlled components over a form value. */
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

/** What a cell widget receives: one value of one record, in a list row or on the record page. */
export interface CellWidgetProps {
  field: FieldMeta;
  model: ModelMeta;
  /** The value in wire encoding (BigInt and Decimal as strings, to-one relations as `RecordRef | null`). */
  value: unknown;
  /** The whole row, for cells that combine fields. */
  record: Row;
  /** True on the record page (room for the full value), false in a list row. */
  full: boolean;
}

/**
 * Widget type keys: a scalar type (`String`, `Int`, `DateTime`...), `Text` (long strings), `Date`
 * (`@db.Date`), `enum`, `relation` (to-one), `relationMany` (implicit many-to-many), `list` (scalar lists).
 */
export type WidgetKey = string;

/** Which fields a widget is for: one field of one model (by model name), or every field of a type. */
export type WidgetTarget =
  | { model: string; field: string; type?: never }
  | { type: WidgetKey; model?: never; field?: never };

/** A widget registration; a field's own widget beats its type's, which beats the default. */
export type WidgetDefinition = WidgetTarget &
  (
    | { kind: "cell"; component: ComponentType<CellWidgetProps> }
    | { kind: "input"; component: ComponentType<FieldWidgetProps> }
  );

/** Props of each slot's components. */
export interface SlotProps {
  /** Beside the list page's header actions (the Add button). */
  "list.toolbar": { model: ModelMeta; selectedIds: readonly string[] };
  /** A panel under the record page's fields. */
  "record.panel": { model: ModelMeta; recordId: string; record: Row };
  /** Buttons in the record page's header, before Edit and Delete. */
  "record.actions": { model: ModelMeta; recordId: string; record: Row };
}

export type SlotName = keyof SlotProps;

export const slotNames: readonly SlotName[] = ["list.toolbar", "record.panel", "record.actions"];

/** A component placed in a slot of the generated pages, for one model or (without `model`) every model. */
export type SlotDefinition<S extends SlotName = SlotName> = {
  [Name in S]: {
    slot: Name;
    /** Model name as in schema.prisma (`Book`) or its URL key (`book`). @default every model */
    model?: string;
    /** Heading of a `record.panel`; the accessible name of the others. */
    title?: string;
    component: ComponentType<SlotProps[Name]>;
  };
}[S];
