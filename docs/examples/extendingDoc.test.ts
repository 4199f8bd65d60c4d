/**
 * Every code example in docs/extending.md is real code: each TypeScript block opens with `// <path>` naming the
 * file it shows (the demo's own files, or docs/examples/ for what the demo does not use), and is that whole
 * file, or, marked `(excerpt)`, lines of it in order with `// …` where lines are left out. Those files are
 * type-checked with the repository and run by tests (the demo's by its browser tests, docs/examples/ by the
 * tests beside them), so an example that drifts from working code fails here.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const repoRoot = resolve(import.meta.dirname, "../..");
const docPath = join(repoRoot, "docs/extending.md");
const elision = "// …";

interface CodeBlock {
  line: number;
  language: string;
  lines: string[];
}

function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  let open: CodeBlock | undefined;
  markdown.split("\n").forEach((text, index) => {
    const fence = /^```(\w*)\s*$/.exec(text);
    if (fence && !open) open = { line: index + 1, language: fence[1] ?? "", lines: [] };
    else if (fence && open) {
      blocks.push(open);
      open = undefined;
    } else open?.lines.push(text);
  });
  return blocks;
}

/** The file a block names: a path of the repository (the demo's), else of docs/examples/. */
function fileOf(path: string): string | undefined {
  return [join(repoRoot, path), join(repoRoot, "docs/examples", path)].find((candidate) =>
    existsSync(candidate),
  );
}

const typescriptBlocks = codeBlocks(readFileSync(docPath, "utf8")).filter((block) =>
  ["ts", "tsx"].includes(block.language),
);

describe("docs/extending.md's examples", () => {
  it("has examples to check", () => {
    expect(typescriptBlocks.length).toBeGreaterThanOrEqual(8);
  });

  for (const block of typescriptBlocks) {
    const [header = "", ...body] = block.lines;
    const named = /^\/\/ (\S+)( \(excerpt\))?$/.exec(header);
    it(`line ${block.line}: ${header}`, () => {
      expect(
        named,
        `the block at line ${block.line} must open with "// <path>" or "// <path> (excerpt)"`,
      ).toBeTruthy();
      const file = fileOf(named?.[1] ?? "");
      expect(file, `${named?.[1]} is neither in the repository nor in docs/examples/`).toBeDefined();
      const source = readFileSync(file ?? "", "utf8");
      if (!named?.[2]) {
        expect(body.join("\n").trimEnd()).toBe(source.trimEnd());
        return;
      }
      // An excerpt: its lines appear in the file in the same order (indentation aside).
      const fileLines = source.split("\n").map((text) => text.trim());
      let at = 0;
      for (const text of body.map((line) => line.trim())) {
        if (text === elision || text === "") continue;
        const found = fileLines.indexOf(text, at);
        expect(found, `"${text}" is not in ${named[1]} (after line ${at})`).toBeGreaterThanOrEqual(0);
        at = found + 1;
      }
    });
  }
});
