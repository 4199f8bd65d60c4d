import type { BookFormat, Prisma } from "../generated/client/client.js";
import { bookTitle, translatedTitle } from "./bookTitle.js";
import { coverThumbnail, hslToRgb } from "./coverThumbnail.js";
import type { Catalog } from "./generateCatalog.js";
import { AWARD_CATEGORIES, AWARDS, LANGUAGES } from "./pools.js";
import { addDays, appendTo, dayBefore, type Random, REFERENCE_DATE } from "./random.js";

/** What the sales generator needs to know about a book beyond its row. */
export interface BookFacts {
  id: number;
  /** Mean stars its reviews gravitate to. */
  quality: number;
  publishedOn: Date;
  editions: { id: string; priceCents: number }[];
}

export interface Books {
  books: Prisma.BookCreateManyInput[];
  editions: Prisma.EditionCreateManyInput[];
  translations: Prisma.BookTranslationCreateManyInput[];
  awards: Prisma.AwardCreateManyInput[];
  /** Implicit many-to-many links, grouped by tag so each tag connects its books in one query. */
  bookIdsByTag: Map<number, number[]>;
  facts: BookFacts[];
}

/** Price ranges in cents per format; prices end in .99 or .49 like shelf stickers. */
export const PRICE_RANGES: Record<BookFormat, [number, number]> = {
  HARDCOVER: [22, 38],
  PAPERBACK: [10, 19],
  EBOOK: [5, 14],
  AUDIOBOOK: [15, 32],
};
const FORMAT_CHANCE: Record<BookFormat, number> = {
  HARDCOVER: 0.55,
  PAPERBACK: 0.85,
  EBOOK: 0.7,
  AUDIOBOOK: 0.25,
};
const FORMATS = Object.keys(FORMAT_CHANCE) as BookFormat[];

export function generateBooks(random: Random, catalog: Catalog, count: number): Books {
  const result: Books = {
    books: [],
    editions: [],
    translations: [],
    awards: [],
    bookIdsByTag: new Map(),
    facts: [],
  };
  // Popularity is shuffled so the prolific authors are not simply the first ids.
  const authorIds = random.faker.helpers.shuffle(catalog.authors.map((author) => author.id as number));
  const nextAuthor = random.zipf(authorIds.length, 0.8);
  const booksByAuthor = new Map<number, number[]>();
  const tagIds = catalog.tags.map((tag) => tag.id as number);

  for (let index = 0; index < count; index += 1) {
    const id = index + 1;
    const shelf = random.chance(0.02) ? null : random.pick(catalog.shelves);
    const { title, subtitle } = bookTitle(random, shelf?.nonFiction ?? false);
    const publishedOn = random.chance(0.1)
      ? dayBefore(random.int(40 * 365, 120 * 365))
      : dayBefore(random.int(10, 40 * 365));
    const createdAt = random.daysAgo(30, 1_800);
    const authorId = authorIds[nextAuthor()] as number;
    appendTo(booksByAuthor, authorId, id);
    const hue = random.int(0, 359);
    result.books.push({
      id,
      title,
      subtitle,
      isbn: isbn13(id),
      language: random.chance(0.9) ? "en" : random.pick(LANGUAGES),
      pageCount: random.chance(0.95) ? random.int(48, 960) : null,
      publishedOn,
      inPrint: random.chance(0.85),
      metadata: bookMetadata(random, title),
      coverThumb: coverThumbnail(hslToRgb(hue, 0.45, 0.45), hslToRgb(hue + 180, 0.35, 0.8)),
      authorId,
      publisherId: random.chance(0.95) ? random.int(1, catalog.publishers.length) : null,
      categoryId: shelf?.id ?? null,
      createdAt,
      updatedAt: random.between(createdAt, REFERENCE_DATE),
    });
    for (const tagId of random.sample(tagIds, random.int(1, 5))) {
      appendTo(result.bookIdsByTag, tagId, id);
    }
    const facts: BookFacts = { id, quality: 2.2 + random.int(0, 26) / 10, publishedOn, editions: [] };
    addEditions(random, result, facts);
    result.facts.push(facts);
    if (random.chance(0.15)) addTranslations(random, result, facts, title, catalog.authors.length);
  }
  result.awards = generateAwards(random, booksByAuthor, catalog.authors.length);
  return result;
}

function addEditions(random: Random, result: Books, facts: BookFacts): void {
  const formats = FORMATS.filter((format) => random.chance(FORMAT_CHANCE[format]));
  if (formats.length === 0) formats.push("PAPERBACK");
  for (const format of formats) {
    const [low, high] = PRICE_RANGES[format];
    const priceCents = random.int(low, high) * 100 + random.pick([99, 99, 49, 0]);
    const id = random.cuid();
    // A few editions are announced but not out yet, so the demo has dates in the future too.
    const releasedOn = random.chance(0.03)
      ? addDays(REFERENCE_DATE, random.int(5, 120))
      : addDays(facts.publishedOn, random.int(0, 300));
    result.editions.push({
      id,
      bookId: facts.id,
      format,
      price: (priceCents / 100).toFixed(2),
      // Most rows leave the currency to its default.
      ...(random.chance(0.1) ? { currency: random.pick(["EUR", "GBP"]) } : {}),
      releasedOn,
      durationMin: format === "AUDIOBOOK" ? random.int(180, 1_800) : null,
      available: random.chance(0.95),
    });
    facts.editions.push({ id, priceCents });
  }
}

function addTranslations(
  random: Random,
  result: Books,
  facts: BookFacts,
  title: string,
  authors: number,
): void {
  for (const language of random.sample(LANGUAGES, random.int(1, 3))) {
    result.translations.push({
      id: random.uuid(),
      bookId: facts.id,
      language,
      title: translatedTitle(title, language),
      translatorId: random.chance(0.7) ? random.int(1, authors) : null,
      publishedOn: random.chance(0.9) ? addDays(facts.publishedOn, random.int(180, 2_000)) : null,
    });
  }
}

function generateAwards(random: Random, booksByAuthor: Map<number, number[]>, authors: number) {
  const awards: Prisma.AwardCreateManyInput[] = [];
  const seen = new Set<string>();
  const target = Math.max(3, Math.round(authors / 10));
  while (awards.length < target) {
    const name = random.pick(AWARDS);
    const year = random.int(1995, 2026);
    const category = random.pick(AWARD_CATEGORIES);
    const key = `${name}|${year}|${category}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const authorId = random.int(1, authors);
    const books = booksByAuthor.get(authorId);
    awards.push({
      id: awards.length + 1,
      name,
      year,
      category,
      authorId,
      bookId: books && random.chance(0.8) ? random.pick(books) : null,
    });
  }
  return awards;
}

/** A valid ISBN-13 (978 prefix, check digit), distinct for every index below 10^8. */
export function isbn13(index: number): bigint {
  // 7919 is prime and coprime with 10^8, so the multiplication permutes the 8-digit range.
  const body = `9781${String((index * 7919) % 100_000_000).padStart(8, "0")}`;
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return BigInt(body + String((10 - (sum % 10)) % 10));
}

/** What a publisher's feed says of a book: size, weight, audience, print runs, sometimes a series. */
export function bookMetadata(random: Random, title: string): Prisma.InputJsonValue {
  const metadata: Record<string, Prisma.InputJsonValue> = {
    dimensionsMm: { height: random.int(170, 260), width: random.int(110, 190), depth: random.int(8, 60) },
    weightGrams: random.int(120, 1_400),
    audience: random.pick(["adult", "young adult", "children", "general"]),
    printRuns: Array.from({ length: random.int(1, 4) }, () => random.int(1, 50) * 1_000),
  };
  if (random.chance(0.2))
    metadata.series = { name: `${title.replace(/^The /, "")} Cycle`, number: random.int(1, 7) };
  if (random.chance(0.1))
    metadata.contentWarnings = random.sample(["violence", "grief", "war", "illness"], 2);
  return metadata;
}
