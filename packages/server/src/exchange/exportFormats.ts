/**
 * The three export formats, each a header, a way to write a page of rows, and a footer, so that a page is turned
 * into bytes as soon as it is read and nothing accumulates. Rows hold wire values (wireCodec.ts); CSV cells follow
 * exchangeCells.ts so an import reads back exactly what was written.
 */
import { AtriumError, type FieldMeta, wireToCell } from "@atrium/core";
import { stringify } from "csv-stringify/sync";

export type ExportFormat = "csv" | "json" | "ndjson";

export const exportFormats: readonly ExportFormat[] = ["csv", "json", "ndjson"];

export interface ExportEncoder {
  contentType: string;
  extension: string;
  start(): string;
  /** `first`: whether these are the first rows of the file (JSON separates rows with commas). */
  rows(rows: Record<string, unknown>[], first: boolean): string;
  end(): string;
}

export function parseExportFormat(text: string | null | undefined): ExportFormat {
  const format = text ?? "csv";
  if ((exportFormats as readonly string[]).includes(format)) return format as ExportFormat;
  const message = `Expected format to be one of ${exportFormats.join(", ")}`;
  throw new AtriumError("bad_request", message, { fields: { format: message } });
}

/** `fields`: the columns, in order; each row is keyed by field name. */
export function exportEncoder(format: ExportFormat, fields: readonly FieldMeta[]): ExportEncoder {
  switch (format) {
    case "csv":
      return csvEncoder(fields);
    case "json":
      return {
        contentType: "application/json; charset=utf-8",
        extension: "json",
        start: () => "[",
        rows: (rows, first) =>
          rows.map((row, index) => `${first && index === 0 ? "\n" : ",\n"}${JSON.stringify(row)}`).join(""),
        end: () => "\n]\n",
      };
    case "ndjson":
      return {
        contentType: "application/x-ndjson; charset=utf-8",
        extension: "ndjson",
        start: () => "",
        rows: (rows) => rows.map((row) => `${JSON.stringify(row)}\n`).join(""),
        end: () => "",
      };
    default: {
      const never: never = format;
      throw new Error(`unknown export format ${String(never)}`);
    }
  }
}

function csvEncoder(fields: readonly FieldMeta[]): ExportEncoder {
  // Only the empty text is quoted when nothing else asks for quotes: a bare empty cell is null.
  const options = { quoted_match: /^$/, record_delimiter: "\r\n" } as const;
  return {
    contentType: "text/csv; charset=utf-8",
    extension: "csv",
    start: () => stringify([fields.map((field) => field.name)], options),
    rows: (rows) =>
      rows.length === 0
        ? ""
        : stringify(
            rows.map((row) => fields.map((field) => wireToCell(field, row[field.name]) ?? undefined)),
            options,
          ),
    end: () => "",
  };
}
