/** Shared by the fixture suites: a test database with a fixture store, dumps as text, and dumps made comparable. */
import { readFile } from "node:fs/promises";
import type { DatabaseProvider } from "@atrium/core";
import { createFixtureStore } from "@atrium/prisma";
import { openTestDatabase, type TestDatabase } from "@atrium/prisma/testing";
import { dumpFixtures } from "../src/fixtures/dumpFixtures.js";
import { loadFixtures } from "../src/fixtures/loadFixtures.js";
import { readFixtureStream } from "../src/fixtures/readFixtureStream.js";

const schemaUrl = new URL("./schemas/fixtures.prisma", import.meta.url);

export async function openFixtureDatabase(provider: DatabaseProvider): Promise<TestDatabase> {
  return openTestDatabase("fixtures", { provider, schemaText: await readFile(schemaUrl, "utf8") });
}

export const storeOf = (db: TestDatabase) => createFixtureStore({ client: db.client, schema: db.schema });

export async function dumpText(db: TestDatabase, pageSize = 7): Promise<string> {
  let text = "";
  await dumpFixtures(
    db.schema,
    storeOf(db),
    (piece) => {
      text += piece;
    },
    { pageSize },
  );
  return text;
}

export async function loadText(db: TestDatabase, text: string) {
  return loadFixtures(db.schema, storeOf(db), readFixtureStream(db.schema, chunksOf(text, 100)), {
    batchSize: 9,
  });
}

/**
 * A dump as data that compares equal across databases: the provider left out, rows and links sorted by content
 * (string ids sort by each database's collation), object keys sorted (PostgreSQL's jsonb reorders them).
 */
export function comparable(text: string): unknown {
  const doc = JSON.parse(text) as {
    models: { model: string; rows: unknown[] }[];
    links: { model: string; field: string; links: [unknown, unknown[]][] }[];
  };
  const sortedRows = (rows: unknown[]) => rows.map(canonical).sort();
  return {
    models: doc.models.map((entry) => ({ model: entry.model, rows: sortedRows(entry.rows) })),
    links: doc.links.map((entry) => ({
      model: entry.model,
      field: entry.field,
      links: sortedRows(entry.links.map(([id, related]) => [id, [...related].map(canonical).sort()])),
    })),
  };
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

/** The text in pieces, as a file stream gives it (split inside values too). */
function chunksOf(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < text.length; start += size) chunks.push(text.slice(start, start + size));
  return chunks;
}
