/**
 * What the admin knows of a model's actions (config `models.<Model>.bulkActions` / `recordActions`): their name,
 * wording and parameters. The handler stays on the server; this is what `GET /api/meta` sends to the UI, which
 * renders the parameters with the same inputs as the record forms (they are `FieldMeta`s).
 */
import type { FieldMeta } from "./metadata.js";

/** The type of an action's parameter; each maps to the field type whose input and decoding it shares. */
export type ActionParamType = "string" | "number" | "boolean" | "date" | "enum";

export const actionParamTypes: readonly ActionParamType[] = ["string", "number", "boolean", "date", "enum"];

/** Where an action is offered: on a list's selection, or on one record's page. */
export type ActionKind = "bulk" | "record";

/** One parameter of an action, as configured (checked at start-up). */
export interface ActionParam {
  name: string;
  type: ActionParamType;
  /** @default the name in words ("trackingCode": "Tracking code") */
  label?: string;
  /** @default false */
  required?: boolean;
  /** Text under the input. */
  help?: string;
  /** The values an `enum` parameter offers (only for `enum`). */
  choices?: string[];
}

export interface ActionMeta {
  name: string;
  kind: ActionKind;
  label: string;
  /** A sentence under the action's title in its dialog. */
  description?: string;
  /** The confirmation question; `{count}` and `{records}` ("3 orders") are filled in. */
  confirm?: string;
  /** The parameters' inputs, as fields of their own (never of the model). */
  params: FieldMeta[];
}

const fieldTypes: Record<Exclude<ActionParamType, "enum">, string> = {
  string: "String",
  number: "Float",
  boolean: "Boolean",
  date: "DateTime",
};

/** "trackingCode" -> "Tracking code", "mark_shipped" -> "Mark shipped". */
export function wordsOf(name: string): string {
  const words = name
    .replace(/[_-]+/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A parameter as a field, so that decodeWrite validates it and the UI's field inputs render it. */
export function actionParamField(param: ActionParam): FieldMeta {
  const field: FieldMeta = {
    name: param.name,
    label: param.label ?? wordsOf(param.name),
    kind: param.type === "enum" ? "enum" : "scalar",
    type: param.type === "enum" ? `${param.name}Choice` : fieldTypes[param.type],
    isList: false,
    // A checkbox is always true or false: "required" would refuse an unticked box.
    isRequired: param.type !== "boolean" && param.required === true,
    isId: false,
    isUnique: false,
    isReadOnly: false,
    hasDefault: param.type === "boolean",
    isUpdatedAt: false,
    isForeignKey: false,
  };
  if (param.type === "enum") field.enumValues = [...(param.choices ?? [])];
  if (param.help !== undefined) field.help = param.help;
  return field;
}
