/** Names as people read them: `OrderItem` -> "Order item", "Order items", URL key `order-item`. */
import pluralizeWord from "pluralize";

/**
 * The words of a name: an acronym before a capitalised word (`API` in `APIKey`), a number that starts an
 * acronym (`3D` in `Model3D`, `2FA`), a word with the digits that follow it unless they start such an acronym
 * (`isbn13`, `utf8Text`), or any other run of capitals and digits (`S3`, `URL`). Separators are dropped.
 */
const word = /[A-Z]+(?=[A-Z][a-z])|\d+[A-Z]+(?![a-z])|[A-Z]?[a-z]+(?:\d+(?![A-Z]+(?![a-z])))?|[A-Z]+\d*|\d+/g;

/** Splits camelCase, PascalCase, snake_case and kebab-case into words: `APIKey` -> API, Key; `Model3D` -> Model, 3D. */
export function splitWords(name: string): string[] {
  return name.match(word) ?? [];
}

function isAcronym(word: string): boolean {
  return word.length > 1 && word === word.toUpperCase() && /[A-Z]/.test(word);
}

/**
 * Acronyms that schemas spell in lower case (`isbn`, `userId`, `avatarUrl`, `skus`) and people write in capitals.
 * Only ones that are never an English word, so no ordinary field name turns into capitals.
 */
const lowerCaseAcronyms = new Set(
  "api csv gps html iban id ip isbn json pdf seo sku sms uri url uuid xml".split(" "),
);

/** `isbn13` -> "ISBN13", `urls` -> "URLs"; undefined for a word that is not a known acronym. */
function knownAcronym(word: string): string | undefined {
  const match = /^([a-z]+)(\d*)$/i.exec(word);
  if (!match) return undefined;
  const [, letters = "", digits = ""] = match;
  const lower = letters.toLowerCase();
  if (lowerCaseAcronyms.has(lower)) return `${lower.toUpperCase()}${digits}`;
  const singular = lower.slice(0, -1);
  if (lower.endsWith("s") && digits === "" && lowerCaseAcronyms.has(singular))
    return `${singular.toUpperCase()}s`;
  return undefined;
}

/**
 * `createdAt` -> "Created at"; acronyms keep their case (`APIKey` -> "API key") and well-known ones written in
 * lower case get it back (`isbn` -> "ISBN", `avatarUrl` -> "Avatar URL").
 */
export function humanize(name: string): string {
  const words = splitWords(name).map((word, index) => {
    if (isAcronym(word)) return word;
    const acronym = knownAcronym(word);
    if (acronym) return acronym;
    const lower = word.toLowerCase();
    return index === 0 ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
  });
  return words.join(" ");
}

/** URL key of a model: `OrderItem` -> `order-item`, `Model3D` -> `model-3d`. */
export function kebabCase(name: string): string {
  return splitWords(name)
    .map((word) => word.toLowerCase())
    .join("-");
}

/**
 * English plural of a label's last word, keeping the rest: "Order item" -> "Order items", "Person" -> "People".
 * A word that is already plural stays as it is ("Credentials", "Tags on models"), as do uncountable ones
 * ("Staff", "Metadata"); an acronym takes a lower-case "s" ("API keys", "URLs").
 */
export function pluralize(label: string): string {
  const match = /^(.*?)([A-Za-z0-9]+)$/.exec(label);
  if (!match) return label;
  const [, head = "", last = ""] = match;
  if (isAcronym(last)) return `${head}${last}s`;
  return head + pluralizeWord.plural(last);
}
