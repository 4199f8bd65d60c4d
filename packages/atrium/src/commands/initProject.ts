import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** What `atrium init` found in a Prisma project, and where. */
export interface ProjectFacts {
  /** The schema file, relative to the project; undefined when none was found. */
  schema?: string;
  /** Where the schema path came from, for the message. */
  schemaSource?: string;
  /** DATABASE_URL is set in the environment or the project's `.env`. */
  hasDatabaseUrl: boolean;
}

const conventionalSchemas = ["prisma/schema.prisma", "schema.prisma", "prisma/schema/schema.prisma"];

/** Reads prisma.config.ts, package.json's `prisma.schema` and the conventional places, in Prisma's order. */
export function findProjectFacts(projectDir: string, env: NodeJS.ProcessEnv = process.env): ProjectFacts {
  const facts: ProjectFacts = { hasDatabaseUrl: Boolean(env.DATABASE_URL) || dotEnvHasUrl(projectDir) };
  for (const name of ["prisma.config.ts", "prisma.config.mts", "prisma.config.js"]) {
    const file = join(projectDir, name);
    if (!existsSync(file)) continue;
    // The config is TypeScript with imports of its own: its `schema: "..."` literal is all that is needed.
    const schema = /\bschema\s*:\s*["'`]([^"'`]+)["'`]/.exec(readFileSync(file, "utf8"))?.[1];
    if (schema && existsSync(join(projectDir, schema))) return { ...facts, schema, schemaSource: name };
  }
  const packageJson = join(projectDir, "package.json");
  if (existsSync(packageJson)) {
    const schema = (JSON.parse(readFileSync(packageJson, "utf8")) as { prisma?: { schema?: string } }).prisma
      ?.schema;
    if (schema && existsSync(join(projectDir, schema))) {
      return { ...facts, schema, schemaSource: "package.json" };
    }
  }
  const conventional = conventionalSchemas.find((path) => existsSync(join(projectDir, path)));
  return conventional ? { ...facts, schema: conventional, schemaSource: "the default location" } : facts;
}

function dotEnvHasUrl(projectDir: string): boolean {
  const file = join(projectDir, ".env");
  return existsSync(file) && /^\s*DATABASE_URL\s*=/m.test(readFileSync(file, "utf8"));
}

/** The config `init` writes: only what it found; the database URL stays in the environment. */
export function configSource(schema: string): string {
  return `import { defineConfig } from "atrium";

// Atrium's admin for this project. The database URL is DATABASE_URL, from the environment or .env.
// Every option is described on defineConfig: hover a key in your editor.
export default defineConfig({
  schema: ${JSON.stringify(schema)},
});
`;
}

/** The scripts `init` adds to package.json, unless the project has scripts of those names already. */
export const adminScripts: Record<string, string> = {
  "admin:dev": "atrium dev",
  "admin:build": "atrium build",
  admin: "atrium serve",
};
