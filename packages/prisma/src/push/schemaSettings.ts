/**
 * What a push needs from a schema beyond its datamodel: the datasource's relationMode, and Prisma's own
 * warnings about the schema (a relation without an index under relationMode = "prisma", SetDefault on MySQL,
 * deprecated preview features), which `prisma db push` shows too.
 */
import { prismaSchemaWasm } from "../schema/prismaSchemaWasm.js";
import type { SchemaFile } from "../schema/readDatamodel.js";

export type RelationMode = "foreignKeys" | "prisma";

/**
 * Prisma's config reader does not return relationMode, so it is read from the datasource block's text (the
 * schema has passed Prisma's validation by then, so the block is well formed).
 */
export function relationModeOf(files: SchemaFile[]): RelationMode {
  for (const [, text] of files) {
    const withoutComments = text.replace(/\/\/.*$/gm, "");
    const block = /^\s*datasource\s+\w+\s*\{([^}]*)\}/m.exec(withoutComments)?.[1];
    if (block === undefined) continue;
    return /^\s*relationMode\s*=\s*"prisma"/m.test(block) ? "prisma" : "foreignKeys";
  }
  return "foreignKeys";
}

/**
 * `view` blocks (the `views` preview feature): Prisma's datamodel lists them among the models, with nothing to
 * tell them apart, and `prisma db push` creates no table for them.
 */
export function viewNamesOf(files: SchemaFile[]): Set<string> {
  const names = new Set<string>();
  for (const [, text] of files) {
    for (const match of text.replace(/\/\/.*$/gm, "").matchAll(/^\s*view\s+(\w+)\s*\{/gm)) {
      if (match[1]) names.add(match[1]);
    }
  }
  return names;
}

interface LintItem {
  file_name: string;
  start: number;
  text: string;
  is_warning: boolean;
}

/** Prisma's warnings about the schema, each with the file and line it points at. */
export function schemaWarnings(files: SchemaFile[]): string[] {
  let items: LintItem[];
  try {
    items = JSON.parse(prismaSchemaWasm().lint(JSON.stringify(files))) as LintItem[];
  } catch {
    // Warnings are advice: a linter failure must not stop a push that Prisma's validation accepted.
    return [];
  }
  const texts = new Map(files);
  return items
    .filter((item) => item.is_warning)
    .map((item) => {
      const before = (texts.get(item.file_name) ?? "").slice(0, item.start);
      const line = before.split("\n").length;
      return `${item.text.trim()} (${item.file_name}:${line})`;
    });
}
