import { existsSync } from "node:fs";
import { appendFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { loadConfig } from "../config/loadConfig.js";
import { type Command, UsageError } from "./command.js";
import { adminScripts, configSource, findProjectFacts } from "./initProject.js";
import { writeSchemaTypes } from "./typesCommand.js";

export const initCommand: Command = {
  name: "init",
  summary: "Write atrium.config.ts for this Prisma project, add scripts, and say what to run next",
  help: [
    "Usage: atrium init [--schema <file>] [--force]",
    "Finds the schema through prisma.config.ts, package.json or prisma/schema.prisma; asks nothing.",
    "      --schema <file>  the schema, when it is somewhere else",
    "      --force          replace an existing atrium.config.ts",
  ].join("\n"),
  options: { schema: { type: "string" }, force: { type: "boolean" } },
  async run(values) {
    const projectDir = process.cwd();
    const configPath = join(projectDir, "atrium.config.ts");
    if (existsSync(configPath) && values.force !== true) {
      throw new UsageError(
        "atrium.config.ts exists already; edit it, or run 'atrium init --force' to replace it.",
      );
    }
    const facts = findProjectFacts(projectDir);
    const schema = typeof values.schema === "string" ? values.schema : facts.schema;
    if (!schema) {
      throw new UsageError(
        "No Prisma schema found (prisma.config.ts, package.json's prisma.schema, prisma/schema.prisma). Pass --schema <file>.",
      );
    }
    if (!existsSync(join(projectDir, schema)))
      throw new UsageError(`--schema points at a missing file: ${schema}`);
    await writeFile(configPath, configSource(schema));
    console.log(
      `Wrote atrium.config.ts (schema: ${schema}${facts.schemaSource ? `, found through ${facts.schemaSource}` : ""})`,
    );

    const added = await addScripts(join(projectDir, "package.json"));
    if (added.length > 0) console.log(`Added the scripts ${added.join(", ")} to package.json`);
    await ignoreBuildFolder(join(projectDir, ".gitignore"));

    if (!facts.hasDatabaseUrl) {
      console.log('\nDATABASE_URL is not set: add it to .env (e.g. DATABASE_URL="file:./dev.db"), then:');
    } else {
      const config = await loadConfig(configPath);
      console.log(
        `Wrote ${await writeSchemaTypes(config).then(() => "atrium-env.d.ts")}, which types model and field names in the config.`,
      );
      console.log("\nNext:");
    }
    console.log(
      "  printf '%s' 'a-long-password' | npx atrium create-user --email you@example.com --superuser",
    );
    console.log("  npx atrium dev");
    return 0;
  },
};

async function addScripts(packageJsonPath: string): Promise<string[]> {
  if (!existsSync(packageJsonPath)) return [];
  const text = await readFile(packageJsonPath, "utf8");
  const manifest = JSON.parse(text) as { scripts?: Record<string, string> };
  manifest.scripts ??= {};
  const scripts = manifest.scripts;
  const added = Object.keys(adminScripts).filter((name) => scripts[name] === undefined);
  for (const name of added) scripts[name] = adminScripts[name] as string;
  if (added.length > 0) {
    const indent = /^[ \t]+/m.exec(text)?.[0] ?? "  ";
    await writeFile(packageJsonPath, `${JSON.stringify(manifest, null, indent)}\n`);
  }
  return added;
}

async function ignoreBuildFolder(gitignorePath: string): Promise<void> {
  if (!existsSync(gitignorePath)) return;
  const text = await readFile(gitignorePath, "utf8");
  if (/^\/?\.atrium\/?$/m.test(text)) return;
  await appendFile(
    gitignorePath,
    `${text.endsWith("\n") || text === "" ? "" : "\n"}# Atrium's build\n.atrium/\n`,
  );
}
