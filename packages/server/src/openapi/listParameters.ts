/**
 * The query parameters of `GET /api/records/{key}` (parseListQuery.ts): paging, sort, search, and one
 * `filter.{field}.{op}` parameter per field and operator the caller may use (allowedOperators.ts), so a typed
 * client gets their names. Paths through relations (`filter.author.name.contains`) are accepted too and
 * described in the list operation's text rather than enumerated.
 */
import {
  allowedOperators,
  type FieldMeta,
  type FilterOperator,
  isSortable,
  type ModelMeta,
} from "@atrium/core";
import type { ParameterObject } from "openapi3-ts/oas31";

const operatorText: Record<FilterOperator, string> = {
  eq: "equals",
  neq: "does not equal (an optional field's empty values included)",
  in: "is one of a comma-separated list",
  lt: "is less than",
  lte: "is at most",
  gt: "is greater than",
  gte: "is at least",
  contains: "contains, ignoring case",
  startsWith: "starts with, ignoring case",
  isNull: "is empty (true) or not (false)",
};

function filterParameter(field: FieldMeta, op: FilterOperator): ParameterObject {
  const what =
    field.kind === "relation"
      ? field.relation?.toMany
        ? op === "isNull"
          ? "has no related record (true) or some (false)"
          : `has a related record whose $id ${operatorText[op]}`
        : `the related record's $id ${operatorText[op]}`
      : `${field.label} ${operatorText[op]}`;
  return {
    name: `filter.${field.name}.${op}`,
    in: "query",
    required: false,
    description: `Only records where ${what}`,
    schema: op === "isNull" ? { type: "string", enum: ["true", "false"] } : { type: "string" },
  };
}

/** `viewModel`: the caller's view (hidden fields can be neither filtered nor sorted). */
export function listParameters(viewModel: ModelMeta, maxPerPage: number): ParameterObject[] {
  const sortable = viewModel.fields.filter(isSortable).map((field) => field.name);
  const parameters: ParameterObject[] = [
    {
      name: "page",
      in: "query",
      description: "1-based page number; use `cursor` for deep pages",
      schema: { type: "integer", minimum: 1, default: 1 },
    },
    {
      name: "perPage",
      in: "query",
      description: `Page size; larger values are capped at ${maxPerPage}, not refused`,
      schema: { type: "integer", minimum: 1 },
    },
    {
      name: "cursor",
      in: "query",
      description: "The `nextCursor` or `prevCursor` of a page of the same list and sort",
      schema: { type: "string" },
    },
    {
      name: "sort",
      in: "query",
      description: `Comma-separated fields, \`-\` for descending, dotted paths through to-one relations. Sortable here: ${sortable.join(", ") || "none"}`,
      schema: { type: "string" },
      ...(sortable[0] ? { example: `-${sortable[0]}` } : {}),
    },
  ];
  if (viewModel.searchFields.length > 0) {
    parameters.push({
      name: "q",
      in: "query",
      description: `Text searched, ignoring case, in ${viewModel.searchFields.join(", ")}`,
      schema: { type: "string" },
    });
  }
  for (const field of viewModel.fields) {
    for (const op of allowedOperators(field)) parameters.push(filterParameter(field, op));
  }
  return parameters;
}

/** What the list operation says about filters beyond the enumerated parameters (docs/api.md, Lists). */
export const filterSyntax = [
  "Filters are `filter.{path}.{op}=value`; all filters and `q` must match.",
  "A path can walk to-one relations: `filter.author.name.contains=her`.",
  "`in` takes a comma-separated list; `isNull` takes `true` or `false`; dates take ISO 8601 or a plain day (`2024-05-01`).",
  "An unknown parameter, field or operator, or a value of the wrong type, answers 400 naming the parameter.",
].join(" ");
