/**
 * Makes the scratch project the installed browser test runs against, as a user would: Atrium's packages
 * packed with `npm pack`, installed into a project with its own Prisma schema, `atrium init`, the project's
 * page, widget, slot and route (e2e/installed/project), `atrium push`, `create-user` and `atrium build`.
 * Run by e2e/installed/playwright.config.ts before `atrium serve`.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const repoRoot = resolve(import.meta.dirname, "../..");
export const projectDir = join(repoRoot, ".data/installed-project");
export const installedAccount = { email: "owner@shop.example", password: "installed-project-password" };
const packsDir = join(repoRoot, ".data/packs");

function run(command: string, args: string[], cwd: string, input?: string): string {
  console.log(`[installed] ${command} ${args.join(" ")}`);
  return execFileSync(command, args, {
    cwd,
    input,
    encoding: "utf8",
    stdio: [input ? "pipe" : "ignore", "pipe", "inherit"],
  });
}

function packPackages(): Record<string, string> {
  rmSync(packsDir, { recursive: true, force: true });
  mkdirSync(packsDir, { recursive: true });
  run("npm", ["run", "--silent", "build"], repoRoot);
  run("npm", ["pack", "--workspaces", "--pack-destination", packsDir, "--silent"], repoRoot);
  // atrium-0.2.0.tgz, atrium-core-0.2.0.tgz...: file: dependencies, so npm never asks the registry for them.
  return Object.fromEntries(
    readdirSync(packsDir).map((file) => {
      const name = file.replace(/-\d+\.\d+\.\d+\.tgz$/, "").replace(/^atrium-(?=.)/, "@atrium/");
      return [name === "@atrium/atrium" ? "atrium" : name, `file:${join(packsDir, file)}`];
    }),
  );
}

function writeProject(packs: Record<string, string>): void {
  rmSync(projectDir, { recursive: true, force: true });
  mkdirSync(join(projectDir, "prisma"), { recursive: true });
  const manifest = {
    name: "installed-project",
    private: true,
    type: "module",
    dependencies: packs,
    devDependencies: { "@types/node": "^20.19.0", "@types/react": "^19.2.0" },
  };
  writeFileSync(join(projectDir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(projectDir, ".gitignore"), "node_modules/\n");
  writeFileSync(join(projectDir, ".env"), 'DATABASE_URL="file:./dev.db"\n');
  cpSync(join(import.meta.dirname, "project/prisma"), join(projectDir, "prisma"), { recursive: true });
  const tsconfig = {
    compilerOptions: {
      target: "ES2023",
      module: "ESNext",
      moduleResolution: "Bundler",
      jsx: "react-jsx",
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      types: ["node"],
    },
    include: ["atrium.config.ts", "atrium-env.d.ts", "admin"],
  };
  writeFileSync(join(projectDir, "tsconfig.json"), `${JSON.stringify(tsconfig, null, 2)}\n`);
}

export function prepareInstalledProject(): void {
  const packs = packPackages();
  writeProject(packs);
  run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], projectDir);
  const atrium = join(projectDir, "node_modules/.bin/atrium");
  run(atrium, ["init"], projectDir);
  if (!existsSync(join(projectDir, "atrium.config.ts")))
    throw new Error("atrium init wrote no atrium.config.ts");
  // The project's own components and route, then its config naming them (init's, with the extensions added).
  cpSync(join(import.meta.dirname, "project/admin"), join(projectDir, "admin"), { recursive: true });
  cpSync(join(import.meta.dirname, "project/atrium.config.ts"), join(projectDir, "atrium.config.ts"));
  run(atrium, ["push"], projectDir);
  run(
    atrium,
    ["create-user", "--email", installedAccount.email, "--superuser"],
    projectDir,
    installedAccount.password,
  );
  run(atrium, ["build"], projectDir);
}

if (process.argv[1] === import.meta.filename) prepareInstalledProject();
