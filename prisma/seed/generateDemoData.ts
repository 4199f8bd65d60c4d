import { createRandom } from "./createRandom.js";
import { demoCounts } from "./demoCounts.js";
import { type Books, generateBooks } from "./generateBooks.js";
import { type Catalog, generateCatalog } from "./generateCatalog.js";
import { generatePeople, type People } from "./generatePeople.js";
import { generateReference, type Reference } from "./generateReference.js";
import { generateSales, type Sales } from "./generateSales.js";
import { DEMO_SEED } from "./random.js";

/** Every row of the demo, in memory, ready for createMany. */
export type DemoData = Omit<Catalog, "shelves"> &
  Omit<Books, "facts"> &
  Omit<People, "customerFacts" | "orderHandlerIds"> &
  Sales &
  Reference;

/**
 * Builds the whole demo from one seeded generator. The generators run in a fixed order and share it, so
 * changing one shifts the data of those after it; determinism holds for a given version of this code.
 */
export function generateDemoData(scale: number): DemoData {
  const random = createRandom(DEMO_SEED);
  const counts = demoCounts(scale);
  const catalog = generateCatalog(random, counts);
  const books = generateBooks(random, catalog, counts.books);
  const people = generatePeople(random, counts);
  const sales = generateSales(random, counts, books, people);
  const reference = generateReference(random, counts.exchangeRateDays);
  // Named one by one so the generators' helper facts (shelves, popularity...) do not ride along.
  return {
    publishers: catalog.publishers,
    authors: catalog.authors,
    categories: catalog.categories,
    tags: catalog.tags,
    books: books.books,
    bookIdsByTag: books.bookIdsByTag,
    editions: books.editions,
    translations: books.translations,
    awards: books.awards,
    warehouses: people.warehouses,
    staff: people.staff,
    customers: people.customers,
    profiles: people.profiles,
    addresses: people.addresses,
    ...sales,
    ...reference,
  };
}
