import type { Prisma } from "../generated/client/client.js";
import type { DemoCounts } from "./demoCounts.js";
import { CATEGORY_TREE, COUNTRIES, PROFESSIONS, PUBLISHER_PARTS, TAGS } from "./pools.js";
import { dayBefore, type Random } from "./random.js";

export interface Catalog {
  publishers: Prisma.PublisherCreateManyInput[];
  authors: Prisma.AuthorCreateManyInput[];
  /** Parents come before their children, so one ordered insert satisfies the foreign key. */
  categories: Prisma.CategoryCreateManyInput[];
  tags: Prisma.TagCreateManyInput[];
  /** Ids of the categories books may sit in (levels 2 and 3) and whether each is non-fiction. */
  shelves: { id: number; level: 2 | 3; nonFiction: boolean }[];
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Publishers, authors, the category tree and tags: everything books point at. */
export function generateCatalog(random: Random, counts: DemoCounts): Catalog {
  return {
    publishers: generatePublishers(random, counts.publishers),
    authors: generateAuthors(random, counts.authors),
    ...generateCategories(),
    tags: TAGS.map((name, index) => ({ id: index + 1, name: titleCase(name), slug: name })),
  };
}

function generatePublishers(random: Random, count: number): Prisma.PublisherCreateManyInput[] {
  const names = PUBLISHER_PARTS.first.flatMap((first) =>
    PUBLISHER_PARTS.last.map((last) => `${first} ${last}`),
  );
  return random.sample(names, count).map((name, index) => ({
    id: index + 1,
    name,
    foundedYear: random.chance(0.85) ? random.int(1820, 2020) : null,
    city: random.faker.location.city(),
    country: random.chance(0.7) ? "US" : random.pick(COUNTRIES),
    website: random.chance(0.8) ? `https://www.${slugify(name)}.example.com` : null,
    isImprint: random.chance(0.2),
  }));
}

function generateAuthors(random: Random, count: number): Prisma.AuthorCreateManyInput[] {
  const authors: Prisma.AuthorCreateManyInput[] = [];
  for (let index = 0; index < count; index += 1) {
    const firstName = random.faker.person.firstName();
    const name = `${firstName} ${random.faker.person.lastName()}`;
    const bornOn = random.chance(0.8) ? dayBefore(random.int(22 * 365, 95 * 365)) : null;
    const books = random.int(1, 14);
    authors.push({
      id: index + 1,
      name,
      bio: random.chance(0.75)
        ? `Born in ${random.faker.location.city()}, ${firstName} worked as a ${random.pick(PROFESSIONS)} ` +
          `before writing full time. ${firstName}'s ${books} books have been translated into ` +
          `${random.int(2, 30)} languages.`
        : null,
      bornOn,
      country: random.chance(0.9) ? random.pick(COUNTRIES) : null,
      website: random.chance(0.3) ? `https://${slugify(name)}.example.net` : null,
      createdAt: random.daysAgo(400, 2_000),
    });
  }
  return authors;
}

function generateCategories(): Pick<Catalog, "categories" | "shelves"> {
  const categories: Prisma.CategoryCreateManyInput[] = [];
  const shelves: Catalog["shelves"] = [];
  const slugs = new Set<string>();
  const add = (name: string, parentId: number | null, position: number, description: string | null) => {
    const slug = slugify(name);
    // The pools are hand-written; a repeated name would break the unique slug at insert time, so fail here.
    if (slugs.has(slug)) throw new Error(`Category "${name}" appears twice in CATEGORY_TREE`);
    slugs.add(slug);
    const id = categories.length + 1;
    categories.push({ id, name, slug, parentId, position, description });
    return id;
  };
  Object.entries(CATEGORY_TREE).forEach(([shelf, sections], shelfIndex) => {
    const nonFiction = shelf === "Non-fiction" || shelf === "Arts & Leisure";
    const shelfId = add(shelf, null, shelfIndex, `Everything we stock under ${shelf.toLowerCase()}.`);
    Object.entries(sections).forEach(([section, subsections], sectionIndex) => {
      const sectionId = add(section, shelfId, sectionIndex, `${section} picked by our booksellers.`);
      shelves.push({ id: sectionId, level: 2, nonFiction });
      subsections.forEach((subsection, subsectionIndex) => {
        const id = add(subsection, sectionId, subsectionIndex, null);
        shelves.push({ id, level: 3, nonFiction });
      });
    });
  });
  return { categories, shelves };
}

function titleCase(slug: string): string {
  return slug
    .split("-")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");
}
