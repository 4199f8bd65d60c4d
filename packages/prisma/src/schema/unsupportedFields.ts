/**
 * Prisma's datamodel leaves out `Unsupported("...")` fields entirely, yet an admin should show that the column
 * exists. This finds them in the schema text: a light scan, not a parser, enough for Prisma's one-field-a-line
 * syntax after the schema has passed Prisma's own validation.
 */
import type { SchemaFile } from "./readDatamodel.js";

export interface UnsupportedField {
  name: string;
  /** The database type text inside `Unsupported("...")`. */
  unsupportedType: string;
  isList: boolean;
  isRequired: boolean;
  /** `@default(...)` (typically `dbgenerated`): Prisma Client can create records without a value for it. */
  hasDefault: boolean;
  dbName?: string;
  /** The SQL of `@default(dbgenerated("..."))`, for the push to create the column with it. */
  dbDefault?: string;
  documentation?: string;
  /** Name of the field written just before it in the model (undefined when it comes first). */
  after?: string;
}

/** Unsupported fields per model name. */
export function findUnsupportedFields(files: SchemaFile[]): Map<string, UnsupportedField[]> {
  const found = new Map<string, UnsupportedField[]>();
  for (const [, text] of files) {
    const modelPattern = /^\s*model\s+(\w+)\s*\{([\s\S]*?)^\s*\}/gm;
    for (const match of text.matchAll(modelPattern)) {
      const [, modelName = "", body = ""] = match;
      if (!body.includes("Unsupported(")) continue;
      const fields = scanModelBody(body);
      if (fields.length > 0) found.set(modelName, fields);
    }
  }
  return found;
}

function scanModelBody(body: string): UnsupportedField[] {
  const fields: UnsupportedField[] = [];
  let previousField: string | undefined;
  let docs: string[] = [];
  for (const rawLine of body.split("\n")) {
    const line = rawLine.trim();
    if (line.startsWith("///")) {
      docs.push(line.slice(3).trim());
      continue;
    }
    const fieldMatch = /^(\w+)\s+(Unsupported\(\s*"(?:[^"\\]|\\.)*"\s*\)|[\w.]+)([?[\]]*)(\s|$)/.exec(line);
    if (!fieldMatch || line.startsWith("@@")) {
      if (line.length > 0 && !line.startsWith("//")) docs = [];
      continue;
    }
    const [, name = "", type = "", modifiers = ""] = fieldMatch;
    if (type.startsWith("Unsupported(")) {
      const typeText = /Unsupported\(\s*"((?:[^"\\]|\\.)*)"\s*\)/.exec(line)?.[1] ?? "";
      const dbName = /@map\(\s*"([^"]*)"/.exec(line)?.[1];
      const field: UnsupportedField = {
        name,
        unsupportedType: typeText,
        isList: modifiers.includes("[]"),
        isRequired: !modifiers.includes("?"),
        hasDefault: /@default\(/.test(line),
        after: previousField,
      };
      if (dbName) field.dbName = dbName;
      const dbDefault = /@default\(\s*dbgenerated\(\s*"((?:[^"\\]|\\.)*)"\s*\)\s*\)/.exec(line)?.[1];
      if (dbDefault) field.dbDefault = dbDefault.replace(/\\(.)/g, "$1");
      if (docs.length > 0) field.documentation = docs.join("\n");
      fields.push(field);
    }
    previousField = name;
    docs = [];
  }
  return fields;
}
