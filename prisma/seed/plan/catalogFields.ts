/**
 * The seed plan's makers for the catalogue (atrium.config.ts, `seed`): publishers, authors, categories, tags,
 * books and what hangs off them. Built from the same pools and title shapes as the fixed generator, so the demo
 * reads like a bookstore's; relations are picked by `atrium seed` from the rows already written.
 */
import type { BookFormat } from "../../generated/client/client.js";
import { bookSubtitle, bookTitle, translatedTitle } from "../bookTitle.js";
import { coverThumbnail, hslToRgb } from "../coverThumbnail.js";
import { bookMetadata, isbn13, PRICE_RANGES } from "../generateBooks.js";
import { slugify } from "../generateCatalog.js";
import {
  AWARD_CATEGORIES,
  AWARDS,
  CATEGORY_TREE,
  COUNTRIES,
  LANGUAGES,
  PROFESSIONS,
  PUBLISHER_PARTS,
  TAGS,
} from "../pools.js";
import { addDays, dayBefore, REFERENCE_DATE, randomFrom } from "../random.js";
import { type PlanFields, text, withRound } from "./planFields.js";

export const publisher: PlanFields<"Publisher"> = {
  // Every "first last" pair of the pool once (160), in an order that mixes both parts; then numbered.
  name: ({ index }) => {
    const { first, last } = PUBLISHER_PARTS;
    // For each first part, the round number (index / 20) walks through every last part: no pair twice.
    const name = `${first[index % first.length]} ${last[(index + Math.floor(index / first.length)) % last.length]}`;
    return withRound(name, index, first.length * last.length);
  },
  foundedYear: ({ faker }) =>
    randomFrom(faker).chance(0.85) ? faker.number.int({ min: 1820, max: 2020 }) : null,
  city: ({ faker }) => faker.location.city(),
  country: ({ faker }) => (randomFrom(faker).chance(0.7) ? "US" : faker.helpers.arrayElement(COUNTRIES)),
  website: ({ faker, row }) =>
    randomFrom(faker).chance(0.8) ? `https://www.${slugify(text(row.name))}.example.com` : null,
  isImprint: ({ faker }) => randomFrom(faker).chance(0.2),
};

export const author: PlanFields<"Author"> = {
  name: ({ faker }) => `${faker.person.firstName()} ${faker.person.lastName()}`,
  bio: ({ faker, row }) => {
    const random = randomFrom(faker);
    if (!random.chance(0.75)) return null;
    const firstName = text(row.name).split(" ")[0];
    return (
      `Born in ${faker.location.city()}, ${firstName} worked as a ${random.pick(PROFESSIONS)} before writing ` +
      `full time. ${firstName}'s ${random.int(1, 14)} books have been translated into ${random.int(2, 30)} languages.`
    );
  },
  bornOn: ({ faker }) => {
    const random = randomFrom(faker);
    return random.chance(0.8) ? dayBefore(random.int(22 * 365, 95 * 365)) : null;
  },
  country: ({ faker }) => (randomFrom(faker).chance(0.9) ? faker.helpers.arrayElement(COUNTRIES) : null),
  website: ({ faker, row }) =>
    randomFrom(faker).chance(0.3) ? `https://${slugify(text(row.name))}.example.net` : null,
  createdAt: ({ faker }) => randomFrom(faker).daysAgo(400, 2_000),
};

/**
 * Every name of the demo's category tree once, shelves first. The tree itself is drawn by `atrium seed` (a
 * category's parent is picked from those written before it), so names and nesting do not always agree.
 */
const categoryNames = [
  ...Object.keys(CATEGORY_TREE),
  ...Object.values(CATEGORY_TREE).flatMap((sections) => Object.keys(sections)),
  ...Object.values(CATEGORY_TREE).flatMap((sections) => Object.values(sections).flat()),
];

export const category: PlanFields<"Category"> = {
  name: ({ index }) =>
    withRound(categoryNames[index % categoryNames.length] ?? "", index, categoryNames.length),
  slug: ({ row }) => slugify(text(row.name)),
  description: ({ faker, row }) =>
    randomFrom(faker).chance(0.7) ? `${row.name} picked by our booksellers.` : null,
  position: ({ index }) => index % 12,
};

export const tag: PlanFields<"Tag"> = {
  name: ({ index }) =>
    withRound(
      (TAGS[index % TAGS.length] ?? "").replace(
        /(^|-)(\w)/g,
        (_, dash: string, letter: string) => `${dash ? " " : ""}${letter.toUpperCase()}`,
      ),
      index,
      TAGS.length,
    ),
  slug: ({ row }) => slugify(text(row.name)),
};

/** A third of the books are non-fiction: their titles are about a topic, their subtitles say what kind. */
const isNonFiction = (index: number) => index % 3 === 2;

export const book: PlanFields<"Book"> = {
  title: ({ faker, index }) => bookTitle(randomFrom(faker), isNonFiction(index)).title,
  subtitle: ({ faker, index }) => bookSubtitle(randomFrom(faker), isNonFiction(index)),
  // Valid ISBN-13s, one per row number: unique without a retry, whatever the seed.
  isbn: ({ index }) => isbn13(index + 1),
  language: ({ faker }) => (randomFrom(faker).chance(0.9) ? "en" : faker.helpers.arrayElement(LANGUAGES)),
  pageCount: ({ faker }) => {
    const random = randomFrom(faker);
    return random.chance(0.95) ? random.int(48, 960) : null;
  },
  // The catalogue feed's rating (the form's help says so); the list's "Avg. stars" column reads the reviews.
  rating: ({ faker }) => {
    const random = randomFrom(faker);
    return random.chance(0.9) ? random.int(22, 50) / 10 : null;
  },
  publishedOn: ({ faker }) => {
    const random = randomFrom(faker);
    return random.chance(0.1)
      ? dayBefore(random.int(40 * 365, 120 * 365))
      : dayBefore(random.int(10, 40 * 365));
  },
  inPrint: ({ faker }) => randomFrom(faker).chance(0.85),
  metadata: ({ faker, row }) => bookMetadata(randomFrom(faker), text(row.title)),
  coverThumb: ({ faker }) => {
    const hue = faker.number.int({ min: 0, max: 359 });
    return coverThumbnail(hslToRgb(hue, 0.45, 0.45), hslToRgb(hue + 180, 0.35, 0.8));
  },
  createdAt: ({ faker }) => randomFrom(faker).daysAgo(30, 1_800),
};

/** Paperbacks are the most common edition, audiobooks the rarest (an edition is one format of one book). */
const editionFormats: BookFormat[] = [
  "PAPERBACK",
  "PAPERBACK",
  "PAPERBACK",
  "HARDCOVER",
  "HARDCOVER",
  "EBOOK",
  "EBOOK",
  "AUDIOBOOK",
];

export const edition: PlanFields<"Edition"> = {
  format: editionFormats,
  // Shelf-sticker prices: whole dollars ending in .99, .49 or .00, in the format's range.
  price: ({ faker, row }) => {
    const random = randomFrom(faker);
    const [low, high] = PRICE_RANGES[row.format as BookFormat];
    return ((random.int(low, high) * 100 + random.pick([99, 99, 49, 0])) / 100).toFixed(2);
  },
  currency: ({ faker }) => {
    const random = randomFrom(faker);
    return random.chance(0.1) ? random.pick(["EUR", "GBP"]) : "USD";
  },
  // A few editions are announced but not out yet, so the demo has dates in the future too.
  releasedOn: ({ faker }) => {
    const random = randomFrom(faker);
    return random.chance(0.03)
      ? addDays(REFERENCE_DATE, random.int(5, 120))
      : dayBefore(random.int(10, 30 * 365));
  },
  durationMin: ({ faker, row }) => (row.format === "AUDIOBOOK" ? randomFrom(faker).int(180, 1_800) : null),
  available: ({ faker }) => randomFrom(faker).chance(0.95),
};

export const translation: PlanFields<"BookTranslation"> = {
  language: [...LANGUAGES],
  // The book is picked by `atrium seed`, so the translated title is one of the catalogue's shapes, not its own.
  title: ({ faker, row }) => translatedTitle(bookTitle(randomFrom(faker), false).title, text(row.language)),
  publishedOn: ({ faker }) => {
    const random = randomFrom(faker);
    return random.chance(0.9) ? dayBefore(random.int(60, 25 * 365)) : null;
  },
};

export const award: PlanFields<"Award"> = {
  name: [...AWARDS],
  year: ({ faker }) => faker.number.int({ min: 1995, max: 2026 }),
  category: ({ faker }) => faker.helpers.arrayElement(AWARD_CATEGORIES),
};
