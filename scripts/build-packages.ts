/**
 * `npm run build`: compiles every package to JavaScript with type declarations (`dist/`), copies the files
 * TypeScript does not (stylesheets, the SPA's index.html), and builds the prebuilt admin into
 * `packages/atrium/dist/web`: what `npm pack` puts in the tarballs a project installs.
 */
import { spawnSync } from "node:child_process";
import { cpSync, readdirSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const packagesDir = "packages";
const copied = [".css", ".html"];

function copyAssets(from: string, to: string): number {
  let count = 0;
  for (const name of readdirSync(from)) {
    const source = join(from, name);
    if (statSync(source).isDirectory()) count += copyAssets(source, join(to, name));
    else if (copied.some((extension) => name.endsWith(extension))) {
      cpSync(source, join(to, name));
      count += 1;
    }
  }
  return count;
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status})`);
}

const packages = readdirSync(packagesDir).map((name) => join(packagesDir, name));
// tsc --build does not delete the outputs of deleted sources: start from nothing.
for (const folder of packages) rmSync(join(folder, "dist"), { recursive: true, force: true });
run("npx", ["tsc", "--build", "tsconfig.build.json"]);
for (const folder of packages) {
  const count = copyAssets(join(folder, "src"), join(folder, "dist"));
  if (count > 0) console.log(`${relative(".", folder)}: copied ${count} stylesheet and page files`);
}
// The admin without project components, from the compiled packages, exactly as an installed project builds it.
const { buildPrebuiltWeb } = (await import(
  "../packages/atrium/dist/build/webRoot.js" as string
)) as typeof import("../packages/atrium/src/build/webRoot.js");
console.log(`Built the prebuilt admin into ${relative(".", await buildPrebuiltWeb())}`);
