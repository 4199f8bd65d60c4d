/**
 * The getting-started journeys' servers: for each schema of journeySchemas.ts, a project of its own (sharing
 * the installed project's node_modules, so Atrium is the packed one), an empty database, then word for word
 * docs/getting-started.md: `atrium init`, `atrium push`, `atrium create-user`, `atrium serve`. Stays up until
 * Playwright stops it; the databases are dropped then.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  createTestDatabase,
  type TestDatabaseLocation,
} from "../../../packages/prisma/src/testing/createTestDatabase.js";
import { installedAccount, prepareInstalledProject, projectDir, repoRoot } from "../prepareProject.js";
import dropJourneyDatabases from "./dropJourneyDatabases.js";
import { journeys } from "./journeySchemas.js";

const servers: ChildProcess[] = [];
const databases: TestDatabaseLocation[] = [];

async function startJourney(journey: (typeof journeys)[number]): Promise<void> {
  const folder = join(repoRoot, `.data/journey-${journey.name}`);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(join(folder, "prisma"), { recursive: true });
  symlinkSync(join(projectDir, "node_modules"), join(folder, "node_modules"), "dir");
  writeFileSync(join(folder, "package.json"), `${JSON.stringify({ name: journey.name, type: "module" })}\n`);
  writeFileSync(join(folder, "prisma/schema.prisma"), journey.schema);
  const database = await createTestDatabase(journey.provider, { prefix: "atrium_journey", folder });
  databases.push(database);
  writeFileSync(join(folder, ".env"), `DATABASE_URL="${database.url}"\n`);
  const atrium = join(folder, "node_modules/.bin/atrium");
  const run = (args: string[], input?: string) =>
    console.log(execFileSync(atrium, args, { cwd: folder, input, encoding: "utf8" }).trimEnd());
  run(["init"]);
  run(["push"]);
  run(["create-user", "--email", installedAccount.email, "--superuser"], installedAccount.password);
  const server = spawn(atrium, ["serve", "--port", String(journey.port)], { cwd: folder, stdio: "inherit" });
  servers.push(server);
}

async function stop(): Promise<void> {
  for (const server of servers) server.kill("SIGTERM");
  await Promise.allSettled(databases.map((database) => database.drop()));
  process.exit(0);
}
process.once("SIGTERM", () => void stop());
process.once("SIGINT", () => void stop());

if (!existsSync(join(projectDir, "node_modules/.bin/atrium"))) prepareInstalledProject();
await dropJourneyDatabases();
for (const journey of journeys) await startJourney(journey);
