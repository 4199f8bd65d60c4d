import type { FieldMeta } from "@atrium/core";
import { isDateOnly } from "../format/fieldKinds.js";
import { type FormMode, type FormValue, isEmptyValue } from "./formValues.js";

const int32 = { min: -2147483648, max: 2147483647 };
const int64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };

/** Checks one typed text against its scalar type; undefined when valid. */
export function validateScalarText(field: FieldMeta, text: string): string | undefined {
  const trimmed = text.trim();
  switch (field.type) {
    case "Int":
      if (!/^-?\d+$/.test(trimmed)) return "Enter a whole number, like 42.";
      if (Number(trimmed) < int32.min || Number(trimmed) > int32.max) {
        return `Enter a whole number between ${int32.min} and ${int32.max}.`;
      }
      return undefined;
    case "BigInt":
      if (!/^-?\d+$/.test(trimmed)) return "Enter a whole number (digits only, optional minus sign).";
      if (BigInt(trimmed) < int64.min || BigInt(trimmed) > int64.max)
        return "This number is too large for a BigInt.";
      return undefined;
    case "Float":
      return trimmed !== "" && Number.isFinite(Number(trimmed)) ? undefined : "Enter a number, like 3.14.";
    case "Decimal":
      return /^-?\d+(\.\d+)?$/.test(trimmed)
        ? undefined
        : "Enter a decimal number, like 12.50 (digits and one dot).";
    case "DateTime":
      if (isDateOnly(field)) return /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? undefined : "Enter a date.";
      return Number.isNaN(new Date(trimmed).getTime()) ? "Enter a date and time." : undefined;
    case "Json":
      try {
        JSON.parse(text);
        return undefined;
      } catch (error) {
        return `Not valid JSON: ${(error as Error).message}`;
      }
    case "String": {
      const [nativeName, args] = field.nativeType ?? [];
      const max = nativeName && /Char$/i.test(nativeName) ? Number(args?.[0]) : Number.NaN;
      return Number.isFinite(max) && text.length > max
        ? `At most ${max} characters (now ${text.length}).`
        : undefined;
    }
    default:
      return undefined;
  }
}

/** react-hook-form `validate` for one field: required-ness first, then the type's format. */
export function validateField(field: FieldMeta, value: FormValue, mode: FormMode): string | true {
  if (field.isReadOnly) return true;
  // On create a default fills an empty field; on edit an empty required field would be written as null.
  const needsValue =
    field.isRequired &&
    !field.isList &&
    !(field.relation?.toMany ?? false) &&
    (mode === "edit" || !field.hasDefault);
  if (isEmptyValue(value)) return needsValue ? "This field is required." : true;
  if (field.kind !== "scalar") return true;
  if (field.isList && Array.isArray(value)) {
    for (const [index, item] of (value as string[]).entries()) {
      const problem = validateScalarText(field, item);
      if (problem) return `Item ${index + 1}: ${problem}`;
    }
    return true;
  }
  if (typeof value !== "string" || field.type === "Bytes") return true;
  return validateScalarText(field, value) ?? true;
}

/**
 * `validate` for a write-only field: on create required like any field the schema requires (it has no value
 * yet); on edit never, since empty keeps the stored value.
 */
export function validateWriteOnlyField(field: FieldMeta, value: FormValue, mode: FormMode): string | true {
  const text = typeof value === "string" ? value : "";
  if (text === "")
    return mode === "create" && field.isRequired && !field.hasDefault ? "This field is required." : true;
  return validateScalarText(field, text) ?? true;
}
