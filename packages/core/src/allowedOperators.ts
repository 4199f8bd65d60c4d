import type { FilterOperator } from "./listQuery.js";
import type { FieldMeta } from "./metadata.js";

const ordered = new Set(["Int", "BigInt", "Float", "Decimal", "DateTime"]);
/** Types a database cannot compare for equality through Prisma's filters. */
const opaque = new Set(["Json", "Bytes", "Unsupported"]);

/**
 * Filter operators that make sense for a field; parseListQuery refuses the others, and UIs can offer exactly
 * these. Relation fields compare the related record's `$id`; on a to-many relation `isNull=true` means
 * "has none". List fields compare their elements.
 */
export function allowedOperators(field: FieldMeta): FilterOperator[] {
  const nullable: FilterOperator[] = field.isRequired ? [] : ["isNull"];
  if (field.kind === "relation") {
    return field.relation?.toMany ? ["eq", "neq", "in", "isNull"] : ["eq", "neq", "in", ...nullable];
  }
  if (field.type === "Unsupported") return [];
  if (opaque.has(field.type) && field.kind === "scalar") return field.isList ? [] : nullable;
  if (field.isList) return ["eq", "neq", "in"];
  const operators: FilterOperator[] = ["eq", "neq", "in"];
  if (field.kind === "scalar" && ordered.has(field.type)) operators.push("lt", "lte", "gt", "gte");
  // A `@db.Uuid` column is not text to the database: Prisma has no contains/startsWith for it.
  if (field.kind === "scalar" && field.type === "String" && field.nativeType?.[0] !== "Uuid") {
    operators.push("contains", "startsWith");
  }
  return [...operators, ...nullable];
}

/** Scalar fields a list can be ordered by (lists and opaque types have no order). */
export function isSortable(field: FieldMeta): boolean {
  return field.kind !== "relation" && !field.isList && !(field.kind === "scalar" && opaque.has(field.type));
}
