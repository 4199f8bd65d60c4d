/**
 * The records of an imported file, read as they stream in: CSV (csv-parse: quotes, line breaks in cells, a BOM),
 * a JSON array of objects (split at its top-level elements, so only one element is held at a time), or NDJSON
 * (one object per line). Row numbers count records from 1: in CSV the first record after the header.
 */
import { Readable } from "node:stream";
import { AtriumError, type CsvCell } from "@atrium/core";
import { type CastingContext, parse } from "csv-parse";

export type ImportFormat = "csv" | "json" | "ndjson";

export const importFormats: readonly ImportFormat[] = ["csv", "json", "ndjson"];

/**
 * One record: CSV cells (`CsvCell`, text and whether it was quoted) or JSON wire values, keyed by column; or why
 * the record is none (a JSON element that is not an object).
 */
export type ImportRecord =
  | { row: number; csv: boolean; values: Record<string, unknown> }
  | { row: number; problem: string };

export interface RecordStream {
  /** The columns known so far: a CSV header, or the keys of the JSON objects read so far in first-seen order. */
  columns(): string[];
  records: AsyncGenerator<ImportRecord>;
}

/** `maxRows`: one row more is refused (413), before the caller can write anything. */
export function readImportRecords(
  bytes: AsyncIterable<Uint8Array>,
  format: ImportFormat,
  maxRows: number,
): RecordStream {
  const columns: string[] = [];
  const known = new Set<string>();
  const addColumns = (names: Iterable<string>) => {
    for (const name of names) {
      if (known.has(name)) continue;
      known.add(name);
      columns.push(name);
    }
  };
  const source =
    format === "csv" ? csvRecords(bytes, addColumns) : jsonRecords(bytes, format === "json", addColumns);
  async function* limited(): AsyncGenerator<ImportRecord> {
    for await (const record of source) {
      if (record.row > maxRows) {
        throw new AtriumError(
          "payload_too_large",
          `The file has more than ${maxRows.toLocaleString("en")} rows, the most one import takes; split it into smaller files`,
        );
      }
      yield record;
    }
  }
  return { columns: () => columns, records: limited() };
}

async function* csvRecords(
  bytes: AsyncIterable<Uint8Array>,
  addColumns: (names: string[]) => void,
): AsyncGenerator<ImportRecord> {
  const parser = Readable.from(bytes).pipe(
    parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      cast: (text: string, context: CastingContext): CsvCell => ({ text, quoted: context.quoting }),
    }),
  );
  let header: string[] | undefined;
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<CsvCell[]>) {
      if (!header) {
        header = cells.map((cell) => cell.text.trim());
        addColumns(header);
        continue;
      }
      row += 1;
      const values: Record<string, unknown> = {};
      for (const [index, name] of header.entries()) {
        const cell = cells[index];
        if (cell !== undefined && !Object.hasOwn(values, name)) values[name] = cell;
      }
      yield { row, csv: true, values };
    }
  } catch (error) {
    if (error instanceof AtriumError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new AtriumError("bad_request", `The file is not valid CSV: ${message}`);
  } finally {
    parser.destroy();
  }
}

async function* jsonRecords(
  bytes: AsyncIterable<Uint8Array>,
  isArray: boolean,
  addColumns: (names: string[]) => void,
): AsyncGenerator<ImportRecord> {
  let row = 0;
  const texts = isArray ? jsonArrayElements(decodeText(bytes)) : ndjsonLines(decodeText(bytes));
  for await (const text of texts) {
    row += 1;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      const what = isArray ? "element" : "line";
      throw new AtriumError("bad_request", `Row ${row} is not valid JSON; check the file's ${what} ${row}`);
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      yield { row, problem: 'Expected an object of fields, such as {"title": "Dune"}' };
      continue;
    }
    addColumns(Object.keys(value));
    yield { row, csv: false, values: value as Record<string, unknown> };
  }
}

async function* decodeText(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: false });
  for await (const chunk of bytes) yield decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

async function* ndjsonLines(texts: AsyncIterable<string>): AsyncGenerator<string> {
  let pending = "";
  for await (const text of texts) {
    pending += text;
    let end = pending.indexOf("\n");
    while (end >= 0) {
      const line = pending.slice(0, end).trim();
      if (line) yield line;
      pending = pending.slice(end + 1);
      end = pending.indexOf("\n");
    }
  }
  if (pending.trim()) yield pending.trim();
}

const isSpace = (char: string | undefined) => char === " " || char === "\n" || char === "\r" || char === "\t";

const notAnArray = 'Expected a JSON array of objects, such as [{"title": "Dune"}]';

/** The text of each top-level element of a JSON array, as it streams in (strings and nesting tracked). */
async function* jsonArrayElements(texts: AsyncIterable<string>): AsyncGenerator<string> {
  let started = false;
  let ended = false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let element: string[] = [];
  let from = -1;
  for await (const text of texts) {
    // An element cut by the chunk's edge goes on from this chunk's first character.
    from = element.length > 0 || depth > 0 || inString ? 0 : -1;
    for (let index = 0; index < text.length; index++) {
      const char = text[index];
      if (ended) {
        if (!isSpace(char)) throw new AtriumError("bad_request", `${notAnArray}; found text after it`);
        continue;
      }
      if (!started) {
        if (char === "[") started = true;
        else if (!isSpace(char)) throw new AtriumError("bad_request", notAnArray);
        continue;
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (char === "\\") escaped = true;
        else if (char === '"') inString = false;
        continue;
      }
      if (depth === 0 && (char === "," || char === "]" || isSpace(char))) {
        if (from >= 0) element.push(text.slice(from, index));
        from = -1;
        const done = element.join("").trim();
        element = [];
        if (done) yield done;
        if (char === "]") ended = true;
        continue;
      }
      if (from < 0) from = index;
      if (char === '"') inString = true;
      else if (char === "{" || char === "[") depth += 1;
      else if (char === "}" || char === "]") depth -= 1;
    }
    if (from >= 0) element.push(text.slice(from));
  }
  if (!started || !ended)
    throw new AtriumError("bad_request", `${notAnArray}; the file ends before the array does`);
}
