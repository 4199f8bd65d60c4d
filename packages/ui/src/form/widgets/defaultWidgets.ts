import type { FieldWidgetProps, Registry } from "@atrium/client";
import type { FieldMeta, ModelMeta } from "@atrium/core";
import type { ComponentType } from "react";
import { widgetKeyFor } from "../../format/widgetKey.js";
import { BooleanInput, EnumSelect } from "./ChoiceWidgets.js";
import { BytesInput, JsonInput, ListInput } from "./DataWidgets.js";
import { DateInput, DateTimeInput } from "./DateWidgets.js";
import { RelationInput, RelationManyInput } from "./RelationWidgets.js";
import { DecimalInput, NumberInput, TextArea, TextInput, UnsupportedInput } from "./TextWidgets.js";

/** Widget key -> input; `registry.registerWidget({ kind: "input", type, component })` replaces an entry. */
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

/** Most specific first: this model's field, then the registry's type widget, then the default. */
export function resolveWidget(
  registry: Registry,
  model: ModelMeta,
  field: FieldMeta,
): ComponentType<FieldWidgetProps> {
  const key = widgetKeyFor(field);
  return registry.inputWidget(model, field, key) ?? defaultWidgets[key] ?? TextInput;
}

export { widgetKeyFor };
