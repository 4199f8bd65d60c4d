/**
 * Spellings of a search text that differ in the case of its non-ASCII letters, for SQLite: its LIKE folds
 * ASCII letters only, so "GRÜ" would miss "Grüße" there while PostgreSQL (`mode: "insensitive"`) finds it.
 * Searching for every spelling at once gives the same rows as PostgreSQL, as long as there are few of them.
 *
 * Why not fold case in the database: SQLite has no Unicode-aware LIKE or lower() without the ICU extension, and
 * replacing `like()` on the connection needs the better-sqlite3 handle, which Prisma's adapter keeps private (and
 * the Prisma Client is the user's, not ours). A per-row JavaScript `like()` would also slow every search.
 */

/** Most spellings searched at once: each one is one more LIKE over the column. */
export const maxCaseVariants = 16;

/**
 * The needle as typed plus its case variants, ASCII letters left alone (LIKE folds those), never more than
 * `maxCaseVariants`. Up to that many every combination is searched, e.g. 4 non-ASCII letters give 16; beyond
 * it only the usual ways text is written: as typed, lower case, UPPER CASE, Capitalized and Title Case. So
 * "ÉÈÊËÜ" finds "éèêëü" but not "éÈêËü" on SQLite: a documented limit (docs/api.md, Known limits).
 */
export function caseVariants(text: string): string[] {
  const choices = [...text].map(letterCases);
  const count = choices.reduce((product, forms) => product * forms.length, 1);
  if (count === 1) return [text];
  if (count <= maxCaseVariants) {
    let variants = [""];
    for (const forms of choices) variants = variants.flatMap((prefix) => forms.map((form) => prefix + form));
    return variants;
  }
  const lower = mapLetters(text, (char) => char.toLowerCase());
  const upper = mapLetters(text, (char) => char.toUpperCase());
  const capitalized = capitalize(lower, false);
  const titleCase = capitalize(lower, true);
  return distinct([text, lower, upper, capitalized, titleCase]);
}

/** The case forms of one character that LIKE does not already treat as equal. */
function letterCases(char: string): string[] {
  if (char.charCodeAt(0) < 128) return [char];
  const forms = new Set([char]);
  for (const form of [char.toLowerCase(), char.toUpperCase()]) {
    // "ß".toUpperCase() is "SS": databases compare case letter by letter, so a form of another length is no match.
    if ([...form].length === 1) forms.add(form);
  }
  return [...forms];
}

/** Applies a case change to each letter, keeping letters whose changed form has another length. */
function mapLetters(text: string, change: (char: string) => string): string {
  return [...text]
    .map((char) => {
      const changed = change(char);
      return [...changed].length === 1 ? changed : char;
    })
    .join("");
}

/** Upper-cases the first letter of the text, or of every word when `everyWord`. */
function capitalize(lower: string, everyWord: boolean): string {
  let atStart = true;
  return [...lower]
    .map((char) => {
      const result = atStart ? mapLetters(char, (letter) => letter.toUpperCase()) : char;
      atStart = /\s/u.test(char) ? atStart || everyWord : false;
      return result;
    })
    .join("");
}

/** Drops spellings that differ only in ASCII case: LIKE already treats them as one. */
function distinct(variants: string[]): string[] {
  const seen = new Set<string>();
  return variants.filter((variant) => {
    const key = variant.replace(/[A-Z]/g, (char) => char.toLowerCase());
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
