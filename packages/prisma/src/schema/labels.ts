/** Names as people read them: `OrderItem` -> "Order item", "Order items", URL key `order-item`. */

/** Splits camelCase, PascalCase, snake_case and kebab-case into words; acronyms stay whole (`APIKey` -> API, Key). */
export function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[\s_-]+/)
    .filter((word) => word.length > 0);
}

/** `createdAt` -> "Created at"; all-capital acronyms keep their case (`apiURL` -> "Api URL"). */
export function humanize(name: string): string {
  const words = splitWords(name).map((word, index) => {
    if (word.length > 1 && word === word.toUpperCase() && /[A-Z]/.test(word)) return word;
    const lower = word.toLowerCase();
    return index === 0 ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
  });
  return words.join(" ");
}

/** URL key of a model: `OrderItem` -> `order-item`. */
export function kebabCase(name: string): string {
  return splitWords(name)
    .map((word) => word.toLowerCase())
    .join("-");
}

const irregular: Record<string, string> = {
  person: "people",
  child: "children",
  man: "men",
  woman: "women",
  mouse: "mice",
  goose: "geese",
  foot: "feet",
  tooth: "teeth",
};

const unchanged = new Set([
  "data",
  "metadata",
  "media",
  "series",
  "species",
  "news",
  "information",
  "equipment",
  "staff",
  "feedback",
  "software",
  "audio",
]);

/** Simple English plural of the last word, keeping the rest: "Order item" -> "Order items". */
export function pluralize(label: string): string {
  const match = /^(.*?)([A-Za-z]+)$/.exec(label);
  if (!match) return label;
  const [, head = "", word = ""] = match;
  return head + pluralizeWord(word);
}

function pluralizeWord(word: string): string {
  const lower = word.toLowerCase();
  if (unchanged.has(lower)) return word;
  const known = irregular[lower];
  if (known) return matchCase(word, known);
  if (word.length > 1 && word === word.toUpperCase()) return `${word}s`;
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}

function matchCase(original: string, replacement: string): string {
  const first = original.charAt(0);
  return first === first.toUpperCase()
    ? replacement.charAt(0).toUpperCase() + replacement.slice(1)
    : replacement;
}
