/**
 * Reads of a whole table in the plans of logged statements, for tests that hold a request's cost to its page.
 * A statement that pages (ORDER BY ... LIMIT) may walk the table it pages in order until the page is full;
 * every other table, and every table of every other statement, must be reached through an index condition.
 * A related table read whole makes a request cost more as that table grows, however small the page.
 *
 * SQLite: `EXPLAIN QUERY PLAN`, where `SCAN t` (with or without `USING ... INDEX`) reads all of t and `SEARCH t`
 * reads by key. PostgreSQL: `EXPLAIN (FORMAT JSON)` with `enable_seqscan` off, so that the planner takes any
 * index it can use however small the test's tables; a sequential scan left, or an index scan without an index
 * condition, is a read of the whole table.
 */
import type { DatabaseProvider } from "@atrium/core";
import Database from "better-sqlite3";
import pg from "pg";
import type { QueryEvent } from "./openTestDatabase.js";

export interface WholeTableReadsInput {
  provider: DatabaseProvider;
  url: string;
  statements: QueryEvent[];
  /** The table the request pages (its database name). */
  pagedTable: string;
}

/** One line per table read whole, naming the statement; empty when every read goes through an index. */
export async function wholeTableReads(input: WholeTableReadsInput): Promise<string[]> {
  if (input.provider === "sqlite") return sqliteReads(input);
  if (input.provider === "postgresql") return postgresReads(input);
  throw new Error(`No plan reader for ${input.provider}`);
}

/**
 * Whether a statement pages (the page itself, or its total, which reads at most the count's bound: in order
 * through Prisma, or unordered `... LIMIT ?) AS bounded` on SQLite, see countRows.ts); others are look-ups by key.
 */
export function pages(statement: QueryEvent): boolean {
  return /\bORDER BY\b/.test(statement.query) || /\bLIMIT (\?|\$1)\) AS bounded$/.test(statement.query);
}

/** The table a statement may read in order: the paged one, when the statement pages. */
function allowedTable(statement: QueryEvent, pagedTable: string): string | undefined {
  return pages(statement) ? pagedTable : undefined;
}

/** Table by alias (`"public"."Team" AS "j0"`): SQLite's plans name a table by its alias. */
function aliasesOf(statement: QueryEvent): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const match of statement.query.matchAll(/[`"](\w+)[`"]\s+AS\s+[`"](\w+)[`"]/g)) {
    if (match[1] && match[2]) aliases.set(match[2], match[1]);
  }
  return aliases;
}

function postgresParamsOf(statement: QueryEvent): unknown[] {
  const params = JSON.parse(statement.params || "[]") as unknown[];
  return params.map((value) => (typeof value === "boolean" ? Number(value) : value));
}

/**
 * A statement's parameters as SQLite's adapter binds them: a LIMIT or an OFFSET as an integer, which the
 * planner reads (a string bound there hides it, and a plan explained so can differ from the one that runs).
 */
export function sqliteParamsOf(statement: QueryEvent): unknown[] {
  const params = JSON.parse(statement.params || "[]") as unknown[];
  const limits = new Set(limitParameters(statement.query));
  return params.map((value, at) => {
    if (typeof value === "boolean") return Number(value);
    return limits.has(at) && value !== null ? BigInt(String(value)) : value;
  });
}

/** Positions of the `?` parameters that are a LIMIT or an OFFSET. */
function limitParameters(sql: string): number[] {
  const positions: number[] = [];
  let at = 0;
  for (const match of sql.matchAll(/(LIMIT |OFFSET )?\?/g)) {
    if (match[1]) positions.push(at);
    at += 1;
  }
  return positions;
}

function sqliteReads(input: WholeTableReadsInput): string[] {
  const db = new Database(input.url.replace(/^file:/, ""), { readonly: true });
  try {
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (row) => row.name,
      ),
    );
    return input.statements.flatMap((statement) => {
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${statement.query}`).all(...sqliteParamsOf(statement)) as {
        detail: string;
      }[];
      const allowed = allowedTable(statement, input.pagedTable);
      const aliases = aliasesOf(statement);
      return plan.flatMap(({ detail }) => {
        const named = /^SCAN (?:main\.)?(\S+)/.exec(detail)?.[1];
        const scanned = named && (aliases.get(named) ?? named);
        // Subqueries and their materialisations are scanned by name too; only real tables count.
        if (!scanned || !tables.has(scanned) || scanned === allowed) return [];
        return [`${detail} in: ${statement.query}`];
      });
    });
  } finally {
    db.close();
  }
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Cond"?: string;
  Plans?: PlanNode[];
}

async function postgresReads(input: WholeTableReadsInput): Promise<string[]> {
  const client = new pg.Client({ connectionString: input.url });
  await client.connect();
  try {
    await client.query("SET enable_seqscan = off");
    const found: string[] = [];
    for (const statement of input.statements) {
      const result = await client.query(
        `EXPLAIN (FORMAT JSON) ${statement.query}`,
        postgresParamsOf(statement),
      );
      const [{ Plan: plan }] = result.rows[0]["QUERY PLAN"] as [{ Plan: PlanNode }];
      const allowed = allowedTable(statement, input.pagedTable);
      for (const { node, table } of walk(plan)) {
        const wholeRead =
          node["Node Type"] === "Seq Scan" ||
          (/^(Index|Index Only|Bitmap Index) Scan$/.test(node["Node Type"]) && !node["Index Cond"]);
        if (wholeRead && table !== allowed) {
          found.push(`${node["Node Type"]} on ${table ?? "an index"} in: ${statement.query}`);
        }
      }
    }
    return found;
  } finally {
    await client.end();
  }
}

/** Each plan node with its table: a Bitmap Index Scan names none, it reads for the Bitmap Heap Scan above it. */
function* walk(node: PlanNode, parentTable?: string): Generator<{ node: PlanNode; table?: string }> {
  const table =
    node["Relation Name"] ?? (node["Node Type"] === "Bitmap Index Scan" ? parentTable : undefined);
  yield { node, table };
  for (const child of node.Plans ?? []) yield* walk(child, table);
}
