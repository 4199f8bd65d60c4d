import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Running from the repository's TypeScript sources (tests, the demo), not from an installed build: then the
 * workspace packages resolve to their sources under the `@atrium/source` export condition.
 */
export const fromSource = import.meta.url.endsWith(".ts");

/** The export condition under which workspace packages point at their TypeScript sources. */
export const sourceCondition = "@atrium/source";

/** The SPA's folder: `src/spa` when Atrium runs from its sources, `dist/spa` once installed. */
export const spaDir = join(dirname(fileURLToPath(import.meta.url)), "spa");
