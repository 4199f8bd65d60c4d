/**
 * The `cursor` of `GET /api/records/{key}`: where the next or previous page of a list starts, as the sort
 * values and id values of the row at the page's edge (keyset paging: a deep page costs what page 1 costs).
 *
 * It is opaque to clients (base64url of JSON) but not secret, so it carries nothing a user may not see: it
 * is made and read only for the request's sort, whose fields parseListQuery checked against what the user may
 * sort by, and a cursor made for another sort is refused. Values travel in their wire form (wireCodec.ts),
 * so a Date, a bigint or a Decimal comes back exactly as it was read.
 */
import { AtriumError } from "./errors.js";
import type { ListCursor, SortSpec } from "./listQuery.js";
import { type FieldMeta, findField, type ModelMeta, type SchemaMeta } from "./metadata.js";
import { relatedModel } from "./relatedModel.js";
import { formatBase64Url, parseBase64 } from "./valueText.js";
import { decodeWireValue, encodeWireValue } from "./wireCodec.js";

/** Bumped when the cursor's shape changes, so an old cursor is refused instead of misread. */
const cursorVersion = 1;

interface CursorBody {
  v: number;
  s: string;
  k: unknown[];
  d: "next" | "prev";
}

/** The sort in its `sort` parameter form, id fields included: `-publishedAt,title,id`. */
export function sortText(sort: SortSpec[]): string {
  return sort.map((spec) => `${spec.direction === "desc" ? "-" : ""}${spec.path.join(".")}`).join(",");
}

/** The scalar field a sort path ends on (the path was checked by parseListQuery). */
function sortField(schema: SchemaMeta, model: ModelMeta, path: string[]): FieldMeta {
  return sortColumn(schema, model, path).field;
}

/** The field a sort path ends on, and whether the path can be NULL (an optional field or relation on it). */
function sortColumn(
  schema: SchemaMeta,
  model: ModelMeta,
  path: string[],
): { field: FieldMeta; nullable: boolean } {
  let owner = model;
  let nullable = false;
  for (const [index, name] of path.entries()) {
    const field = findField(owner, name);
    if (!field) break;
    nullable ||= !field.isRequired;
    if (index === path.length - 1) return { field, nullable };
    owner = relatedModel(schema, field);
  }
  throw new AtriumError("bad_request", `Cannot page by '${path.join(".")}': no such field`);
}

/** The opaque text of a cursor: values are the boundary row's typed values, one per entry of `sort`. */
export function encodeListCursor(
  schema: SchemaMeta,
  model: ModelMeta,
  sort: SortSpec[],
  cursor: ListCursor,
): string {
  const body: CursorBody = {
    v: cursorVersion,
    s: sortText(sort),
    k: sort.map((spec, index) => encodeWireValue(sortField(schema, model, spec.path), cursor.values[index])),
    d: cursor.direction,
  };
  return formatBase64Url(new TextEncoder().encode(JSON.stringify(body)));
}

const nonFinite = new Set(["NaN", "Infinity", "-Infinity"]);

const malformed = "This cursor is damaged or from another version; go back to the first page of the list";

/** Cursor text -> typed values for `sort`; a 400 for anything that is not a cursor this sort made. */
export function decodeListCursor(
  schema: SchemaMeta,
  model: ModelMeta,
  sort: SortSpec[],
  text: string,
): ListCursor {
  const body = readBody(text);
  if (!body) throw new AtriumError("bad_request", malformed);
  if (body.s !== sortText(sort)) {
    throw new AtriumError(
      "bad_request",
      `This cursor pages a list sorted by '${body.s}', not '${sortText(sort)}'; go back to the first page`,
    );
  }
  if (body.k.length !== sort.length) throw new AtriumError("bad_request", malformed);
  const values = sort.map((spec, index) => {
    const { field, nullable } = sortColumn(schema, model, spec.path);
    let value: unknown;
    const raw = body.k[index];
    try {
      // A Float sorted on may be NaN or ±Infinity (PostgreSQL): the wire codec sends their names.
      const named = field.type === "Float" && typeof raw === "string" && nonFinite.has(raw);
      value = named ? Number(raw) : decodeWireValue(field, raw);
    } catch {
      throw new AtriumError("bad_request", malformed);
    }
    // A NULL where the sort can have none was not made by this server.
    if (value === null && !nullable) throw new AtriumError("bad_request", malformed);
    return value;
  });
  return { direction: body.d, values };
}

function readBody(text: string): CursorBody | undefined {
  const bytes = parseBase64(text);
  if (!bytes) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const body = parsed as Partial<CursorBody>;
  const valid =
    body.v === cursorVersion &&
    typeof body.s === "string" &&
    Array.isArray(body.k) &&
    (body.d === "next" || body.d === "prev");
  return valid ? (body as CursorBody) : undefined;
}
