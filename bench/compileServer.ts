/**
 * The server as compiled JavaScript, for `npm run bench:startup -- --compiled`: apps/server/src/cli.ts and the
 * workspace packages bundled into one module, the npm packages left as imports. It stands in for the build the
 * lead plans (packages/atrium's dist) until that exists.
 *
 * It is written under packages/prisma/.generated/ on purpose: @atrium/prisma finds its generated clients and
 * its metadata cache two folders above its own module, as it will in a dist/ folder of that package.
 */
import { join, resolve } from "node:path";
import { build } from "esbuild";

const repoRoot = resolve(import.meta.dirname, "..");

export async function compileServer(): Promise<string> {
  const outfile = join(repoRoot, "packages/prisma/.generated/bench-dist/cli.mjs");
  await build({
    entryPoints: [join(repoRoot, "apps/server/src/cli.ts")],
    outfile,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "warning",
    plugins: [
      {
        name: "npm-packages-stay-imports",
        setup(builder) {
          builder.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith("@atrium/") ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  });
  return outfile;
}
