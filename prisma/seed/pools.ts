/** Word pools the demo content is composed from, chosen so the admin shows plausible books and people. */
import type { Prisma } from "../generated/client/client.js";

/** Three levels: shelf > section > subsection. Books go to the two lower levels. */
export const CATEGORY_TREE: Record<string, Record<string, string[]>> = {
  Fiction: {
    "Crime & Mystery": ["Police Procedural", "Cozy Mystery", "Noir", "Legal Thriller"],
    "Science Fiction": ["Space Opera", "Cyberpunk", "Time Travel", "First Contact"],
    Fantasy: ["Epic Fantasy", "Urban Fantasy", "Fairy Tale Retellings"],
    "Literary Fiction": ["Family Sagas", "Coming of Age", "Short Stories"],
    "Historical Fiction": ["Ancient World", "Wartime", "Victorian"],
  },
  "Non-fiction": {
    History: ["Ancient History", "Medieval History", "Modern History", "Military History"],
    Science: ["Physics", "Biology", "Astronomy", "Mathematics"],
    Biography: ["Memoirs", "Political Lives", "Artists & Musicians"],
    Business: ["Leadership", "Economics", "Entrepreneurship"],
  },
  "Children & Young Adult": {
    "Picture Books": ["Bedtime Stories", "Animals", "First Words"],
    "Middle Grade": ["Adventure", "School Stories", "Mysteries for Kids"],
    "Young Adult": ["YA Fantasy", "YA Romance", "YA Dystopian"],
  },
  "Arts & Leisure": {
    Cookery: ["Baking", "Vegetarian", "World Cuisine"],
    Travel: ["Guidebooks", "Travel Writing", "Maps & Atlases"],
    "Art & Design": ["Photography", "Architecture", "Graphic Design"],
  },
  Poetry: {
    "Modern Poetry": ["Collections", "Anthologies"],
    "Classic Poetry": ["Epic Poetry", "Sonnets"],
  },
};

// biome-ignore format: a word pool reads best as a paragraph
export const TAGS = [
  "fiction", "history", "science", "biography", "classic", "bestseller", "award-winner", "debut", "series",
  "standalone", "translated", "illustrated", "book-club", "staff-pick", "signed", "short-read", "epic",
  "romance", "thriller", "humour", "dark", "uplifting", "philosophy", "politics", "nature", "travel", "food",
  "art", "music", "sports", "technology", "true-crime", "war", "family", "friendship", "adventure",
  "mythology", "dystopia", "space", "magic",
] as const;

// biome-ignore format: a word pool reads best as a paragraph
export const TITLE_ADJECTIVES = [
  "Silent", "Last", "Hidden", "Broken", "Golden", "Forgotten", "Burning", "Quiet", "Distant", "Crimson",
  "Winter", "Secret", "Lost", "Little", "Endless", "Hollow", "Bright", "Wild", "Iron", "Glass", "Paper",
  "Midnight", "Northern", "Shattered", "Gentle", "Restless", "Salt", "Velvet", "Sunken", "Wandering",
] as const;

// biome-ignore format: a word pool reads best as a paragraph
export const TITLE_NOUNS = [
  "River", "Garden", "House", "Kingdom", "Shadow", "Orchard", "Harbour", "Lighthouse", "Mountain", "Letter",
  "Map", "Clockmaker", "Daughter", "Stranger", "Winter", "Island", "Library", "Forest", "Crown", "Storm",
  "Bridge", "Window", "Tide", "Engine", "Cartographer", "Archive", "Mirror", "Feather", "Field", "Sea",
  "Promise", "Witness", "Empire", "Country", "Silence", "Fire", "Summer", "Station", "Machine",
] as const;

// biome-ignore format: a word pool reads best as a paragraph
export const TITLE_PLACES = [
  "Lisbon", "Marrakesh", "the North", "Kyoto", "Venice", "the Valley", "Prague", "Havana", "the Moors",
  "Alexandria", "Patagonia", "Samarkand", "the Delta", "Istanbul", "the Highlands", "Tangier",
] as const;

// biome-ignore format: a word pool reads best as a paragraph
export const NONFICTION_TOPICS = [
  "the Silk Road", "the Atom", "Money", "the Ocean", "Sleep", "the Roman Republic", "Memory", "Bread",
  "the Printing Press", "Chess", "the Cell", "Empires", "the Moon", "Coffee", "Cities", "Time",
  "the Renaissance", "Mathematics", "the Brain", "Maps", "Tea", "the Railway", "Salt", "Language",
] as const;

// biome-ignore format: a word pool reads best as a paragraph
export const SUBTITLES = [
  "A Novel", "A Memoir", "Stories", "A Love Story", "A Thriller", "Poems", "A Novel in Three Parts",
  "A Mystery", "A Fable",
] as const;

export const PUBLISHER_PARTS = {
  first: [
    "Harbor",
    "Lantern",
    "Quill",
    "Meridian",
    "Ashgrove",
    "Bluebell",
    "Northgate",
    "Kestrel",
    "Foxglove",
    "Larkspur",
    "Stonebridge",
    "Copperfield",
    "Wren",
    "Juniper",
    "Cobalt",
    "Ember",
    "Riverbend",
    "Oakleaf",
    "Marigold",
    "Tidewater",
  ],
  last: ["Press", "Books", "House", "& Sons", "Publishing", "Editions", "Library", "Imprints"],
} as const;

export const LANGUAGES = ["fr", "de", "es", "it", "ja", "pt", "nl", "sv", "pl", "zh"] as const;

/** What "The" becomes at the start of a translated title ("" drops it). */
export const TRANSLATED_ARTICLES: Record<string, string> = {
  fr: "Le",
  de: "Der",
  es: "El",
  it: "Il",
  pt: "O",
  nl: "De",
  sv: "",
  pl: "",
  ja: "",
  zh: "",
};

export const COUNTRIES = ["US", "GB", "IE", "CA", "AU", "FR", "DE", "NG", "IN", "JP", "BR", "SE"] as const;

// biome-ignore format: a word pool reads best as a paragraph
export const PROFESSIONS = [
  "journalist", "teacher", "lawyer", "nurse", "librarian", "diplomat", "engineer", "bookseller",
  "translator", "historian", "doctor", "chef", "architect", "park ranger",
] as const;

// biome-ignore format: a word pool reads best as a paragraph
export const AWARDS = [
  "Meridian Prize", "Golden Quill Award", "Lantern Book Prize", "Northern Lights Award",
  "Harbour Fiction Prize", "Kestrel Medal", "Ashgrove Non-fiction Prize", "Tidewater First Novel Award",
] as const;

export const AWARD_CATEGORIES = [
  "Fiction",
  "Non-fiction",
  "Debut",
  "Translation",
  "Young Readers",
  null,
] as const;

// biome-ignore format: a word pool reads best as a paragraph
export const EMAIL_DOMAINS = [
  "example.com", "example.org", "example.net", "mail.example.com", "inbox.example.org",
] as const;

export const WAREHOUSES = [
  { code: "NYC1", name: "Brooklyn Depot", city: "New York", country: "US", capacity: 120_000 },
  { code: "CHI1", name: "Lakeside Fulfilment", city: "Chicago", country: "US", capacity: 80_000 },
  { code: "LAX1", name: "Pacific Distribution", city: "Los Angeles", country: "US", capacity: 95_000 },
  { code: "LON1", name: "Thames Warehouse", city: "London", country: "GB", capacity: 60_000 },
  { code: "BER1", name: "Spree Lager", city: "Berlin", country: "DE", capacity: 45_000 },
  { code: "TOR1", name: "Ontario Books Hub", city: "Toronto", country: "CA", capacity: 40_000 },
] as const;

/** Units per US dollar around late 2026; the demo walks each rate a little from day to day. */
export const EXCHANGE_RATES = {
  EUR: 0.92,
  GBP: 0.79,
  JPY: 151.2,
  CAD: 1.37,
  AUD: 1.52,
  CHF: 0.88,
  SEK: 10.6,
  INR: 83.4,
} as const;

// biome-ignore format: a word pool reads best as a paragraph
export const GENRES = [
  "crime", "science fiction", "fantasy", "literary fiction", "history", "biography", "poetry", "cookery",
] as const;

/** The shop's settings, one row each: a value of every JSON shape (text, number, boolean, list, object). */
export const SHOP_SETTINGS: readonly {
  key: string;
  value: Prisma.InputJsonValue;
  description: string | null;
}[] = [
  { key: "shop.name", value: "Atrium Books", description: "Shown in e-mails and on invoices." },
  { key: "shop.currency", value: "USD", description: "Currency of prices and order totals." },
  { key: "shop.openForOrders", value: true, description: "Turn off to pause checkout during stock-taking." },
  { key: "shipping.freeAbove", value: 35, description: "Order total in USD above which shipping is free." },
  { key: "shipping.carriers", value: ["UPS", "USPS", "DHL"], description: null },
  { key: "orders.cancelWindowHours", value: 24, description: "How long a customer may cancel a paid order." },
  {
    key: "reviews.moderation",
    value: { autoApproveStars: [4, 5], bannedWords: ["spoiler"] },
    description: null,
  },
  { key: "loyalty.pointsPerDollar", value: 1.5, description: "Loyalty points earned per US dollar spent." },
  {
    key: "homepage.featuredTags",
    value: ["staff-pick", "award-winner", "debut"],
    description: "Tag slugs on the home page.",
  },
  { key: "maintenance.message", value: "", description: "Banner text; empty hides the banner." },
];
