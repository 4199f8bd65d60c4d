import type { FieldAccess } from "@atrium/auth";

/** What a user writes in `atrium.config.ts` (or `.json`) to run Atrium on their own schema. */
export interface AtriumConfig {
  /** Path of the Prisma schema file, relative to the config file. */
  schema: string;
  /**
   * Database URL: `file:./dev.db` (SQLite), `postgresql://...` or `mysql://...`. Relative SQLite paths are
   * resolved from the config file's folder.
   * @default process.env.DATABASE_URL
   */
  databaseUrl?: string;
  /**
   * Port to listen on.
   * @default process.env.PORT, else 4000
   */
  port?: number;
  /**
   * Interface to listen on.
   * @default "127.0.0.1"
   */
  host?: string;
  /**
   * Fields hidden for everyone or per role, keyed `"Model.field"` (the model's name or URL key):
   * `"hidden"`, `"visible"` (shows a secret-named field), `"writeOnly"` (set in forms, never shown),
   * `{ visibleTo: ["role"] }` or `{ hiddenFrom: ["role"] }`.
   * Checked against the schema at start-up (codes atrium.E001-E007 and W001, docs/getting-started.md).
   * @default {} (only secret-named fields are hidden)
   */
  fields?: Record<string, FieldAccess>;
}

/** Identity function that gives a config file type checking and editor completion. */
export function defineConfig(config: AtriumConfig): AtriumConfig {
  return config;
}
