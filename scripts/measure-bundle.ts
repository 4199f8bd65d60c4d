import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

/** The JavaScript budget of the first visit (home page, then a list), gzipped, in bytes. */
export const budgetBytes = 170 * 1024;

/** The lazy route modules the first visit opens, as they end in Vite's manifest keys. */
export const firstVisitRoutes = ["pages/HomePage.tsx", "list/ListPage.tsx"];

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export interface BundleFile {
  file: string;
  /** Why it loads: "entry", or the route whose chunk pulls it in. */
  reason: string;
  rawBytes: number;
  gzipBytes: number;
}

export interface BundleReport {
  files: BundleFile[];
  totalGzipBytes: number;
  totalRawBytes: number;
  cssGzipBytes: number;
}

/** Gzip at the level a compressing server or CDN typically uses. */
export function gzipSize(content: Buffer | string): number {
  return gzipSync(content, { level: 9 }).length;
}

/**
 * Files of the first visit per Vite's manifest: the entry and its static imports, then each first-visit
 * route chunk and its static imports; each file counted once, where it first loads.
 */
export function measureBundle(distDir: string): BundleReport {
  const manifestPath = join(distDir, ".vite", "manifest.json");
  if (!existsSync(manifestPath)) {
    throw new Error(
      `${manifestPath} is missing: build the SPA first (npm run build --workspace @atrium/web) with build.manifest on`,
    );
  }
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Record<string, ManifestChunk>;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error(`${manifestPath} has no entry chunk`);
  const files: BundleFile[] = [];
  const seen = new Set<string>();
  const css = new Set<string>();
  const visit = (key: string, reason: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) return;
    seen.add(key);
    const content = readFileSync(join(distDir, chunk.file));
    files.push({ file: chunk.file, reason, rawBytes: content.length, gzipBytes: gzipSize(content) });
    for (const sheet of chunk.css ?? []) css.add(sheet);
    for (const imported of chunk.imports ?? []) visit(imported, reason);
  };
  visit(entryKey, "entry");
  for (const route of firstVisitRoutes) {
    const key = Object.keys(manifest).find((candidate) => candidate.endsWith(route));
    if (!key) throw new Error(`No chunk for ${route} in ${manifestPath}: was the route renamed?`);
    visit(key, route.replace(/\.tsx$/, ""));
  }
  const sum = (pick: (file: BundleFile) => number) => files.reduce((total, file) => total + pick(file), 0);
  const cssGzipBytes = [...css].reduce(
    (total, sheet) => total + gzipSize(readFileSync(join(distDir, sheet))),
    0,
  );
  return {
    files,
    totalGzipBytes: sum((file) => file.gzipBytes),
    totalRawBytes: sum((file) => file.rawBytes),
    cssGzipBytes,
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function formatReport(report: BundleReport): string {
  const width = Math.max(...report.files.map((file) => file.file.length), 10);
  const lines = [
    `${"file".padEnd(width)}  ${"loaded by".padEnd(16)}  ${"raw".padStart(9)}  ${"gzip".padStart(9)}`,
    ...report.files.map(
      (file) =>
        `${file.file.padEnd(width)}  ${file.reason.padEnd(16)}  ${kb(file.rawBytes).padStart(9)}  ${kb(file.gzipBytes).padStart(9)}`,
    ),
    `${"total JavaScript".padEnd(width)}  ${"".padEnd(16)}  ${kb(report.totalRawBytes).padStart(9)}  ${kb(report.totalGzipBytes).padStart(9)}`,
    `(CSS, not counted: ${kb(report.cssGzipBytes)} gzipped)`,
    `budget: ${kb(budgetBytes)} gzipped`,
  ];
  return lines.join("\n");
}

function main(): number {
  const distDir = resolve(process.argv[2] ?? "apps/web/dist");
  const report = measureBundle(distDir);
  console.log(formatReport(report));
  if (report.totalGzipBytes > budgetBytes) {
    console.error(
      `Over budget by ${kb(report.totalGzipBytes - budgetBytes)}: the home page and the first list must stay under ${kb(budgetBytes)} of gzipped JavaScript.`,
    );
    return 1;
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main();
}
