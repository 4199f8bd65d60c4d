/**
 * The document is good enough to program against: openapi-typescript turns the demo's document into types, and
 * a typed call that lists books and reads their `title` type-checks, while a misspelt field or filter does not.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DataSource } from "@atrium/core";
import { loadSchemaMetaFromFile } from "@atrium/prisma";
import { createAtriumApp } from "@atrium/server";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoSchemaPath } from "./schemaPaths.js";

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "atrium-openapi-types-"));
  const schema = await loadSchemaMetaFromFile(demoSchemaPath);
  // The document is built from metadata only; a data source that is never called is enough.
  const app = createAtriumApp({
    schema,
    dataSource: { provider: schema.provider } as DataSource,
    logger: () => {},
  });
  const document = await (await app.request("/api/openapi.json")).json();
  await writeFile(join(folder, "atrium-api.ts"), astToString(await openapiTS(document)));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The type errors of a client module using the generated types, as `tsc --strict --noEmit` reports them. */
async function typeErrors(name: string, source: string): Promise<string[]> {
  const file = join(folder, name);
  await writeFile(file, source);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: [],
    skipLibCheck: true,
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
}

/** A client's typed call: `GET /api/records/book` with a query, reading `field` of the first book. */
function client(query: string, field: string): string {
  return `
import type { paths } from "./atrium-api.js";

type ListBooks = paths["/api/records/book"]["get"];
type BookPage = ListBooks["responses"][200]["content"]["application/json"];
type BookQuery = NonNullable<ListBooks["parameters"]["query"]>;

async function listBooks(query: BookQuery): Promise<BookPage> {
  const params = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]));
  const res = await fetch(\`/api/records/book?\${params}\`, { credentials: "include" });
  return (await res.json()) as BookPage;
}

export async function firstTitle(): Promise<string | undefined> {
  const page = await listBooks(${query});
  const total: number | null = page.total;
  void total;
  return page.data[0]?.${field};
}
`;
}

describe("types generated from the OpenAPI document", () => {
  it("type-check a typed list of books that reads their title", async () => {
    const errors = await typeErrors(
      "listBooks.ts",
      client(`{ sort: "-publishedOn", perPage: 50, "filter.title.contains": "dune" }`, "title"),
    );
    expect(errors).toEqual([]);
  });

  it("refuse a misspelt field", async () => {
    const errors = await typeErrors("misspeltField.ts", client(`{ perPage: 50 }`, "titel"));
    expect(errors).toEqual([expect.stringContaining("Property 'titel' does not exist")]);
  });

  it("refuse a filter on a field the model does not have", async () => {
    const errors = await typeErrors(
      "misspeltFilter.ts",
      client(`{ "filter.titel.contains": "dune" }`, "title"),
    );
    expect(errors).toEqual([expect.stringContaining(`'"filter.titel.contains"' does not exist`)]);
  });
});
