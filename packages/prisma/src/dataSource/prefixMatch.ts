/**
 * "Starts with, ignoring case" in a form each database can answer from a B-tree index on the field
 * (docs/api.md, "How q matches"):
 * - MySQL/MariaDB: `LIKE 'dune%'`; the default collations ignore case, and a prefix pattern is an index range.
 * - PostgreSQL: ILIKE never uses a B-tree, and LIKE does only through a pattern operator class
 *   (`text_pattern_ops`) outside the C collation. So the exact test stays ILIKE, and each alternative also
 *   says which case form the text's first letters have (`LIKE 'du%' OR LIKE 'Du%' OR ...`): LIKE with a
 *   pattern operator class is an index range, one per form.
 * - SQLite: Prisma's LIKE pattern is an expression (`? || '%'`), which SQLite's LIKE optimisation never uses,
 *   and its indexes compare bytes. So each alternative is a key range (`name >= 'Du' AND name < 'Dv'`) of one
 *   case form of the first letters, and the exact test stays LIKE (ASCII case folding, non-ASCII case forms
 *   searched as for `contains`).
 * Wildcards in the text are taken literally (escapeLike), except in SQLite's LIKE (docs/api.md, Known limits).
 * The case forms of `n` letters are 2^n alternatives; only the first letters are narrowed, up to a budget
 * (SQLite's planner stops using the index for long OR lists), and the exact test checks the rest.
 */
import type { DatabaseProvider } from "@atrium/core";
import { caseVariants } from "./caseVariants.js";
import type { Args } from "./prismaClient.js";

/** Most alternatives per searched field on PostgreSQL: each is one index range in a BitmapOr. */
const postgresBudget = 16;
/**
 * Most alternatives over all searched fields on SQLite: past a few, its planner prefers to walk the table in
 * the list's order. Its choice reads the page's LIMIT, which the adapter binds as an integer: so bound, 8
 * alternatives on 20,000 rows of a never-analysed file walked the table, 4 stayed on the index
 * (prefixSearch.plans.test.ts).
 */
const sqliteBudget = 4;

/** Alternatives (to OR together) matching records whose field `name` starts with `text`, ignoring case. */
export function prefixMatches(
  name: string,
  text: string,
  provider: DatabaseProvider,
  searchedFields: number,
): Args[] {
  if (provider === "mysql") return [{ [name]: { startsWith: escapeLike(text) } }];
  if (provider === "postgresql") {
    const exact = { [name]: { startsWith: escapeLike(text), mode: "insensitive" } };
    const narrowed = caseForms(text, postgresBudget, postgresFolds);
    if (narrowed.length === 0) return [exact];
    return narrowed.map((form) => ({ AND: [{ [name]: { startsWith: escapeLike(form) } }, exact] }));
  }
  const spellings = caseVariants(text).map((variant) => ({ [name]: { startsWith: variant } }));
  const exact = spellings.length === 1 ? (spellings[0] ?? {}) : { OR: spellings };
  const budget = Math.max(1, Math.floor(sqliteBudget / Math.max(1, searchedFields)));
  const narrowed = caseForms(text, budget, {});
  if (narrowed.length === 0) return [exact];
  return narrowed.map((form) => ({ AND: [{ [name]: { gte: form, lt: nextAfter(form) } }, exact] }));
}

/**
 * The text with LIKE's wildcards taken literally, for PostgreSQL and MySQL/MariaDB, whose LIKE escapes with a
 * backslash by default: Prisma passes `contains`/`startsWith` values to LIKE as they are, so `100%` would
 * also find "100 percent". SQLite's LIKE has no escape character unless the statement names one, which
 * Prisma's does not.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * Characters outside ASCII that PostgreSQL's ILIKE folds onto an ASCII letter (its `lower()` makes the Kelvin
 * sign `k` and the dotted capital I `i`): a narrowing that left them out would miss rows ILIKE finds.
 */
const postgresFolds: Record<string, string[]> = { k: ["\u212A"], i: ["\u0130"] };

/**
 * Every case form of the longest start of `text` made of ASCII characters whose forms number at most
 * `budget`; empty when not even the first character fits (then nothing narrows, and the exact test reads the
 * table). Past the first non-ASCII character nothing is narrowed: its case forms are the exact test's.
 */
export function caseForms(text: string, budget: number, folds: Record<string, string[]>): string[] {
  let forms = [""];
  for (const char of text) {
    if (char.charCodeAt(0) > 127) break;
    const lower = char.toLowerCase();
    const options =
      lower === char.toUpperCase() ? [char] : [lower, char.toUpperCase(), ...(folds[lower] ?? [])];
    if (forms.length * options.length > budget) break;
    forms = forms.flatMap((start) => options.map((option) => start + option));
  }
  return forms[0] === "" ? [] : forms;
}

/** The least string after every string that starts with `prefix` (its last character, one higher). */
function nextAfter(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}
