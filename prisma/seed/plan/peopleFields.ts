/**
 * The seed plan's makers for people and places (atrium.config.ts, `seed`): warehouses, staff, customers, their
 * profiles and addresses. Names come from Faker's English locale; e-mails are made from the names, as a shop's
 * sign-up form would have them.
 */
import type { StaffRole } from "../../generated/client/client.js";
import { slugify } from "../generateCatalog.js";
import { EMAIL_DOMAINS, GENRES, WAREHOUSES } from "../pools.js";
import { dayBefore, randomFrom } from "../random.js";
import { type PlanFields, text } from "./planFields.js";

/** The demo's warehouses in order; a plan asking for more numbers further sites of the same cities. */
const site = (index: number) => WAREHOUSES[index % WAREHOUSES.length] ?? WAREHOUSES[0];

export const warehouse: PlanFields<"Warehouse"> = {
  code: ({ index }) => {
    const round = Math.floor(index / WAREHOUSES.length);
    return round === 0 ? site(index).code : `${site(index).code.slice(0, 3)}${round + 1}`;
  },
  name: ({ index }) => site(index).name,
  city: ({ index }) => site(index).city,
  country: ({ index }) => site(index).country,
  capacity: ({ index }) => site(index).capacity,
  openedOn: ({ faker }) => dayBefore(randomFrom(faker).int(365, 20 * 365)),
};

/** "Ada Lovelace" -> "ada.lovelace". */
const localPart = (name: string) => name.split(" ").map(slugify).join(".");

export const staff: PlanFields<"Staff"> = {
  name: ({ faker }) => `${faker.person.firstName()} ${faker.person.lastName()}`,
  email: ({ row }) => `${localPart(text(row.name))}@atrium-books.example`,
  // One owner, a few managers, then the shop floor. Who reports to whom is drawn by `atrium seed`.
  role: ({ faker, index }): StaffRole =>
    index === 0
      ? "OWNER"
      : index <= 2
        ? "MANAGER"
        : randomFrom(faker).pick<StaffRole>(["CLERK", "CLERK", "EDITOR", "WAREHOUSE"]),
  // Shaped like a real scrypt hash so the admin has a secret to keep write-only; it opens nothing.
  passwordHash: ({ faker }) =>
    `$scrypt$ln=15,r=8,p=1$${faker.string.alphanumeric(22)}$${faker.string.alphanumeric(43)}`,
  active: ({ faker, index }) => index === 0 || randomFrom(faker).chance(0.9),
  hiredOn: ({ faker }) => dayBefore(randomFrom(faker).int(30, 12 * 365)),
};

export const customer: PlanFields<"Customer"> = {
  firstName: ({ faker }) => faker.person.firstName(),
  lastName: ({ faker }) => faker.person.lastName(),
  // A name taken twice draws the row again (a made value is never altered), which the name pools make rare.
  email: ({ faker, row }) =>
    `${slugify(text(row.firstName))}.${slugify(text(row.lastName))}@${faker.helpers.arrayElement(EMAIL_DOMAINS)}`,
  phone: ({ faker }) => (randomFrom(faker).chance(0.7) ? faker.phone.number({ style: "national" }) : null),
  apiToken: ({ faker }) =>
    randomFrom(faker).chance(0.25) ? `atk_live_${faker.string.alphanumeric(32)}` : null,
  marketingOptIn: ({ faker }) => randomFrom(faker).chance(0.4),
  createdAt: ({ faker }) => randomFrom(faker).daysAgo(1, 1_500),
};

export const profile: PlanFields<"CustomerProfile"> = {
  birthday: ({ faker }) => {
    const random = randomFrom(faker);
    return random.chance(0.7) ? dayBefore(random.int(18 * 365, 85 * 365)) : null;
  },
  favoriteGenre: ({ faker }) => (randomFrom(faker).chance(0.8) ? faker.helpers.arrayElement(GENRES) : null),
  loyaltyPoints: ({ faker }) => randomFrom(faker).int(0, 40) * 25,
  newsletter: ({ faker }) => randomFrom(faker).chance(0.55),
  preferences: ({ faker }) => {
    const random = randomFrom(faker);
    return {
      formats: random.sample(["HARDCOVER", "PAPERBACK", "EBOOK", "AUDIOBOOK"], random.int(1, 3)),
      notify: { email: random.chance(0.8), sms: random.chance(0.2) },
      language: random.chance(0.9) ? "en" : random.pick(["fr", "de", "es"]),
    };
  },
};

export const address: PlanFields<"Address"> = {
  label: ["Home", "Home", "Home", "Home", "Work", "Work", "Parents", "Holiday home"],
  line1: ({ faker }) => faker.location.streetAddress(),
  line2: ({ faker }) => (randomFrom(faker).chance(0.25) ? faker.location.secondaryAddress() : null),
  city: ({ faker }) => faker.location.city(),
  region: ({ faker }) => faker.location.state({ abbreviated: true }),
  postalCode: ({ faker }) => faker.location.zipCode("#####"),
  // Faker's English locale makes US streets, states and ZIP codes; the country agrees with them.
  country: ["US"],
};
