import type { RecordRef } from "@atrium/client";
import type { FieldMeta, ModelMeta } from "@atrium/core";
import { Check, Minus } from "lucide-react";
import { Link } from "react-router";
import { isDateOnly, recordPath, relatedModel } from "./fieldKinds.js";
import { formatDateOnly, formatDateTime } from "./formatDate.js";
import { NotVisibleRef } from "./NotVisibleRef.js";
import { safeLinkHref } from "./safeLinkHref.js";

const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 20 });

function Empty() {
  return <span className="faint">—</span>;
}

function bytesLength(base64: string): number {
  const padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

export interface CellValueProps {
  field: FieldMeta;
  value: unknown;
  models: ModelMeta[];
  /** Detail view: full text and pretty JSON instead of one truncated line. */
  full?: boolean;
}

/** One value, shown the way its type reads best; BigInt and Decimal stay strings, digit for digit. */
export function CellValue({ field, value, models, full = false }: CellValueProps) {
  if (value === null || value === undefined) return <Empty />;
  if (field.kind === "relation") {
    if (typeof value === "number") return <span className="num">{numberFormat.format(value)}</span>;
    const ref = value as RecordRef;
    const related = relatedModel(field, models);
    // A model missing from the user's metadata is one they may not view: no page, and its label is its id.
    return related ? (
      <Link to={recordPath(related.key, ref.$id)}>{ref.$label}</Link>
    ) : (
      <NotVisibleRef id={ref.$id} full={full} />
    );
  }
  if (field.isList && Array.isArray(value)) {
    if (value.length === 0) return <Empty />;
    return (
      <span>{value.map((item) => (typeof item === "string" ? item : JSON.stringify(item))).join(", ")}</span>
    );
  }
  if (field.kind === "enum") return <span className="badge">{String(value)}</span>;
  switch (field.type) {
    case "Boolean":
      return value ? (
        <span className="inline-row" style={{ color: "var(--success)" }}>
          <Check size={15} aria-hidden="true" />
          <span className="sr-only">Yes</span>
        </span>
      ) : (
        <span className="inline-row faint">
          <Minus size={15} aria-hidden="true" />
          <span className="sr-only">No</span>
        </span>
      );
    case "DateTime":
      return (
        <time dateTime={String(value)} title={String(value)}>
          {isDateOnly(field)
            ? formatDateOnly(String(value))
            : formatDateTime(String(value), { withZone: full })}
        </time>
      );
    case "Int":
    case "Float":
      // Ids are names, not quantities: "2,999" would not match the URL or a search.
      return (
        <span className="num">
          {typeof value === "number" && !field.isId && !field.isForeignKey
            ? numberFormat.format(value)
            : String(value)}
        </span>
      );
    case "BigInt":
    case "Decimal":
      return <span className="num">{String(value)}</span>;
    case "Json":
      return full ? (
        <pre>{JSON.stringify(value, null, 2)}</pre>
      ) : (
        <code>{JSON.stringify(value).slice(0, 80)}</code>
      );
    case "Bytes":
      return <span className="muted">{bytesLength(String(value)).toLocaleString()} bytes</span>;
    default: {
      const text = String(value);
      if (full) {
        // Only http(s)/mailto become links (safeLinkHref); every other string is text, never markup.
        const href = safeLinkHref(text);
        if (href) {
          return (
            <a href={href} target="_blank" rel="noopener noreferrer nofollow">
              {text}
            </a>
          );
        }
        return <span style={{ whiteSpace: "pre-wrap" }}>{text}</span>;
      }
      return (
        <span title={text.length > 60 ? text : undefined}>
          {text.length > 120 ? `${text.slice(0, 120)}…` : text}
        </span>
      );
    }
  }
}
