import type { FieldWidgetProps, Registry } from "@atrium/client";
import type { FieldMeta, ModelMeta } from "@atrium/core";
import type { ComponentType } from "react";
import { isDateOnly, isLongText } from "../../format/fieldKinds.js";
import { BooleanInput, EnumSelect } from "./ChoiceWidgets.js";
import { BytesInput, JsonInput, ListInput } from "./DataWidgets.js";
import { DateInput, DateTimeInput } from "./DateWidgets.js";
import { RelationInput, RelationManyInput } from "./RelationWidgets.js";
import { DecimalInput, NumberInput, TextArea, TextInput, UnsupportedInput } from "./TextWidgets.js";

/** Field type -> input. `registry.registerWidget(key, Component)` replaces any entry. */
export const defaultWidgets: Record<string, ComponentType<FieldWidgetProps>> = {
  String: TextInput,
  Text: TextArea,
  Int: NumberInput,
  Float: NumberInput,
  BigInt: DecimalInput,
  Decimal: DecimalInput,
  Boolean: BooleanInput,
  DateTime: DateTimeInput,
  Date: DateInput,
  Json: JsonInput,
  Bytes: BytesInput,
  Unsupported: UnsupportedInput,
  enum: EnumSelect,
  list: ListInput,
  relation: RelationInput,
  relationMany: RelationManyInput,
};

/** The widget key of a field; see `WidgetKey` in @atrium/client. */
export function widgetKeyFor(field: FieldMeta): string {
  if (field.kind === "relation") return field.relation?.toMany ? "relationMany" : "relation";
  if (field.isList) return "list";
  if (field.kind === "enum") return "enum";
  if (isLongText(field)) return "Text";
  if (isDateOnly(field)) return "Date";
  return field.type;
}

/** Most specific first: this model's field, then the registry's type widget, then the default. */
export function resolveWidget(
  registry: Registry,
  model: ModelMeta,
  field: FieldMeta,
): ComponentType<FieldWidgetProps> {
  const key = widgetKeyFor(field);
  return (
    registry.widget(`${model.name}.${field.name}`) ?? registry.widget(key) ?? defaultWidgets[key] ?? TextInput
  );
}
