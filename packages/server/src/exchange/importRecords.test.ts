import { describe, expect, it } from "vitest";
import { type ImportRecord, readImportRecords } from "./importRecords.js";

/** The text in chunks of `size` bytes, as a request body may arrive. */
async function* chunks(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let start = 0; start < bytes.length; start += size) yield bytes.slice(start, start + size);
}

async function read(text: string, format: "csv" | "json" | "ndjson", size = 3, maxRows = 100) {
  const stream = readImportRecords(chunks(text, size), format, maxRows);
  const records: ImportRecord[] = [];
  for await (const record of stream.records) records.push(record);
  return { records, columns: stream.columns() };
}

describe("readImportRecords", () => {
  it("reads CSV with quotes, line breaks in cells, a BOM, and tells the empty text from an empty cell", async () => {
    const { records, columns } = await read(
      '\uFEFFtitle,note\r\n"Say ""hi"", then",""\r\n"two\nlines",\r\n',
      "csv",
    );
    expect(columns).toEqual(["title", "note"]);
    expect(records).toEqual([
      {
        row: 1,
        csv: true,
        values: { title: { text: 'Say "hi", then', quoted: true }, note: { text: "", quoted: true } },
      },
      {
        row: 2,
        csv: true,
        values: { title: { text: "two\nlines", quoted: true }, note: { text: "", quoted: false } },
      },
    ]);
  });

  it("splits a JSON array at its top-level elements across chunk boundaries, strings and nesting included", async () => {
    const text = ' [ {"a": "x,]}\\"", "b": [1, {"c": 2}]}, {"a": null}, 7 ]\n';
    for (const size of [1, 2, 5, 100]) {
      const { records, columns } = await read(text, "json", size);
      expect(records).toEqual([
        { row: 1, csv: false, values: { a: 'x,]}"', b: [1, { c: 2 }] } },
        { row: 2, csv: false, values: { a: null } },
        { row: 3, problem: 'Expected an object of fields, such as {"title": "Dune"}' },
      ]);
      expect(columns).toEqual(["a", "b"]);
    }
  });

  it("reads NDJSON line by line, blank lines skipped, and collects the keys of every object", async () => {
    const { records, columns } = await read('{"a":1}\n\n{"b":"é"}\r\n{"a":2,"c":true}', "ndjson", 4);
    expect(records.map((record) => ("values" in record ? record.values : record))).toEqual([
      { a: 1 },
      { b: "é" },
      { a: 2, c: true },
    ]);
    expect(columns).toEqual(["a", "b", "c"]);
  });

  it("refuses what is not the format it claims, saying where", async () => {
    await expect(read('title\n"never closed', "csv")).rejects.toThrow(/not valid CSV/);
    await expect(read('{"a": 1}', "json")).rejects.toThrow(/Expected a JSON array of objects/);
    await expect(read('[{"a": 1}', "json")).rejects.toThrow(/ends before the array does/);
    await expect(read("[{}] {}", "json")).rejects.toThrow(/found text after it/);
    await expect(read('{"a":1}\n{oops}', "ndjson")).rejects.toThrow(
      "Row 2 is not valid JSON; check the file's line 2",
    );
  });

  it("refuses the row past the limit with 413 before the caller sees it", async () => {
    const stream = readImportRecords(chunks("t\n1\n2\n3\n", 100), "csv", 2);
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const record of stream.records) seen.push(record.row);
      })(),
    ).rejects.toMatchObject({ status: 413, message: expect.stringMatching(/more than 2 rows/) });
    expect(seen).toEqual([1, 2]);
  });
});
