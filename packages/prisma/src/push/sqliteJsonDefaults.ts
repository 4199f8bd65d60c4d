/**
 * Prisma's schema engine writes a SQLite `Json @default("{}")` column as `DEFAULT {}`, unquoted, which SQLite
 * refuses (`unrecognized token: "{"`, prisma/orm#26571), so such a schema cannot be pushed at all. The same
 * default written as `dbgenerated("'{}'")` comes out quoted, and the column stores the JSON text the schema
 * means. Only the pushed text is rewritten: metadata and the generated client still read the schema as written.
 */

/** A field line typed `Json` or `Json?` with a string default: `  settings Json @default("{}") @map("s")`. */
const jsonDefault = /^(\s*\w+\s+Json\??\s(?:[^"\n]*?\s)?)@default\(("(?:[^"\\\n]|\\.)*")\)/;

export function quoteSqliteJsonDefaults(schemaText: string): string {
  let inModel = false;
  return schemaText
    .split("\n")
    .map((line) => {
      if (/^\s*model\s+\w+\s*\{/.test(line)) inModel = true;
      else if (/^\s*}/.test(line)) inModel = false;
      if (!inModel) return line;
      const match = jsonDefault.exec(line);
      if (!match) return line;
      const [whole, before = "", literal = ""] = match;
      const json = parseSchemaString(literal);
      if (json === undefined) return line;
      const sql = `'${json.replaceAll("'", "''")}'`;
      return `${before}@default(dbgenerated(${JSON.stringify(sql)}))${line.slice(whole.length)}`;
    })
    .join("\n");
}

/** A Prisma string literal's text (its escapes are JSON's); undefined when it is not one. */
function parseSchemaString(literal: string): string | undefined {
  try {
    const value: unknown = JSON.parse(literal);
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}
