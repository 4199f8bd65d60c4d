import type { FieldMeta } from "@atrium/core";
import { isDateOnly, isLongText } from "./fieldKinds.js";

/**
 * The widget key of a field (see `WidgetKey` in @atrium/client), shared by cells and inputs. Kept apart from
 * the input map so the list's chunk does not download the form's widgets.
 */
export function widgetKeyFor(field: FieldMeta): string {
  if (field.kind === "relation") return field.relation?.toMany ? "relationMany" : "relation";
  if (field.isList) return "list";
  if (field.kind === "enum") return "enum";
  if (isLongText(field)) return "Text";
  if (isDateOnly(field)) return "Date";
  return field.type;
}
