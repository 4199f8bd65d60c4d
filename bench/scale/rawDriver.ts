/**
 * The raw driver the scale bench compares Atrium with: the same driver Atrium's adapter wraps (better-sqlite3 or
 * node-postgres), called with hand-written SQL. One small interface so each measured case is written once.
 */
import Database from "better-sqlite3";
import pg from "pg";

export type Row = Record<string, unknown>;

export interface RawDriver {
  readonly kind: "sqlite" | "postgresql";
  /** `?` placeholders on both databases (numbered for PostgreSQL here). */
  all(sql: string, params?: unknown[]): Promise<Row[]>;
  run(sql: string, params?: unknown[]): Promise<void>;
  close(): Promise<void>;
}

export function openSqliteDriver(file: string): RawDriver {
  const database = new Database(file);
  // The settings Atrium's SQLite adapter applies (packages/prisma/src/runtime/sqliteSettings.ts).
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = FULL");
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = database.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  return {
    kind: "sqlite",
    all: async (sql, params = []) => prepared(sql).all(...params) as Row[],
    // Without parameters the text may hold several statements (a script), which only exec runs.
    run: async (sql, params = []) => {
      if (params.length === 0) database.exec(sql);
      else prepared(sql).run(...params);
    },
    close: async () => {
      database.close();
    },
  };
}

/** A pool the size of Atrium's (node-postgres' default, 10), so throughput compares like with like. */
export function openPostgresDriver(url: string): RawDriver {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server ends (a restart, pg_terminate_backend) is replaced on next use, not fatal.
  pool.on("error", () => {});
  const numbered = (sql: string) => {
    let index = 0;
    return sql.replace(/\?/g, () => {
      index += 1;
      return `$${index}`;
    });
  };
  return {
    kind: "postgresql",
    all: async (sql, params = []) => (await pool.query(numbered(sql), params)).rows as Row[],
    run: async (sql, params = []) => {
      await pool.query(numbered(sql), params);
    },
    close: () => pool.end(),
  };
}
