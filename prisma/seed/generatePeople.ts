import type { Prisma, StaffRole } from "../generated/client/client.js";
import type { DemoCounts } from "./demoCounts.js";
import { slugify } from "./generateCatalog.js";
import { EMAIL_DOMAINS, GENRES, WAREHOUSES } from "./pools.js";
import { dayBefore, type Random, REFERENCE_DATE } from "./random.js";

export interface People {
  warehouses: Prisma.WarehouseCreateManyInput[];
  staff: Prisma.StaffCreateManyInput[];
  customers: Prisma.CustomerCreateManyInput[];
  profiles: Prisma.CustomerProfileCreateManyInput[];
  addresses: Prisma.AddressCreateManyInput[];
  /** Per customer (index = id - 1): when they signed up and the ids of their addresses. */
  customerFacts: { id: number; createdAt: Date; addressIds: number[] }[];
  /** Staff who process orders. */
  orderHandlerIds: number[];
}

const ADDRESS_LABELS = ["Home", "Work", "Parents", "Holiday home"] as const;

export function generatePeople(random: Random, counts: DemoCounts): People {
  const warehouses = WAREHOUSES.map((warehouse, index) => ({
    id: index + 1,
    ...warehouse,
    openedOn: dayBefore(random.int(365, 20 * 365)),
  }));
  const people: People = {
    warehouses,
    staff: [],
    customers: [],
    profiles: [],
    addresses: [],
    customerFacts: [],
    orderHandlerIds: [],
  };
  addStaff(random, people, counts.staff);
  addCustomers(random, people, counts.customers);
  return people;
}

function addStaff(random: Random, people: People, count: number): void {
  const emails = new Set<string>();
  const managers: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const id = index + 1;
    const first = random.faker.person.firstName();
    const last = random.faker.person.lastName();
    const role: StaffRole =
      index === 0
        ? "OWNER"
        : index <= Math.max(2, Math.round(count / 10))
          ? "MANAGER"
          : random.pick(["CLERK", "CLERK", "EDITOR", "WAREHOUSE"]);
    // The owner reports to nobody, managers to the owner, everyone else to a manager: a three-level chart.
    const managerId = role === "OWNER" ? null : role === "MANAGER" ? 1 : random.pick(managers);
    if (role === "MANAGER") managers.push(id);
    if (role === "CLERK" || role === "MANAGER") people.orderHandlerIds.push(id);
    people.staff.push({
      id,
      email: uniqueEmail(emails, `${slugify(first)}.${slugify(last)}`, "atrium-books.example"),
      name: `${first} ${last}`,
      role,
      passwordHash: fakePasswordHash(random),
      active: index === 0 || random.chance(0.9),
      hiredOn: dayBefore(random.int(30, 12 * 365)),
      managerId,
      warehouseId: role === "WAREHOUSE" ? random.int(1, people.warehouses.length) : null,
    });
  }
}

function addCustomers(random: Random, people: People, count: number): void {
  const emails = new Set<string>();
  const tokens = new Set<string>();
  for (let index = 0; index < count; index += 1) {
    const id = index + 1;
    const firstName = random.faker.person.firstName();
    const lastName = random.faker.person.lastName();
    const createdAt = random.daysAgo(1, 1_500);
    let apiToken: string | null = null;
    if (random.chance(0.25)) {
      do apiToken = `atk_live_${random.faker.string.alphanumeric(32)}`;
      while (tokens.has(apiToken));
      tokens.add(apiToken);
    }
    people.customers.push({
      id,
      email: uniqueEmail(emails, `${slugify(firstName)}.${slugify(lastName)}`, random.pick(EMAIL_DOMAINS)),
      firstName,
      lastName,
      phone: random.chance(0.7) ? random.faker.phone.number({ style: "national" }) : null,
      apiToken,
      marketingOptIn: random.chance(0.4),
      createdAt,
      updatedAt: random.between(createdAt, REFERENCE_DATE),
    });
    if (random.chance(0.6)) {
      people.profiles.push({
        id: random.uuid(),
        customerId: id,
        birthday: random.chance(0.7) ? dayBefore(random.int(18 * 365, 85 * 365)) : null,
        favoriteGenre: random.chance(0.8) ? random.pick(GENRES) : null,
        loyaltyPoints: random.int(0, 40) * 25,
        newsletter: random.chance(0.55),
        preferences: {
          formats: random.sample(["HARDCOVER", "PAPERBACK", "EBOOK", "AUDIOBOOK"], random.int(1, 3)),
          notify: { email: random.chance(0.8), sms: random.chance(0.2) },
          language: random.chance(0.9) ? "en" : random.pick(["fr", "de", "es"]),
        },
      });
    }
    const addressIds: number[] = [];
    const labels = random.sample(ADDRESS_LABELS, random.pick([1, 1, 1, 2, 2, 3]));
    for (const label of labels) {
      const addressId = people.addresses.length + 1;
      addressIds.push(addressId);
      people.addresses.push({
        id: addressId,
        customerId: id,
        // "Home" is the column default; leaving it out exercises the default on insert.
        ...(label === "Home" ? {} : { label }),
        line1: random.faker.location.streetAddress(),
        line2: random.chance(0.25) ? random.faker.location.secondaryAddress() : null,
        city: random.faker.location.city(),
        region: random.faker.location.state({ abbreviated: true }),
        postalCode: random.faker.location.zipCode("#####"),
      });
    }
    people.customerFacts.push({ id, createdAt, addressIds });
  }
}

function uniqueEmail(taken: Set<string>, localPart: string, domain: string): string {
  let email = `${localPart}@${domain}`;
  for (let suffix = 2; taken.has(email); suffix += 1) email = `${localPart}${suffix}@${domain}`;
  taken.add(email);
  return email;
}

/** Shaped like a real scrypt hash so the admin has a secret-looking value to mask; it opens nothing. */
function fakePasswordHash(random: Random): string {
  const salt = random.faker.string.alphanumeric(22);
  const hash = random.faker.string.alphanumeric(43);
  return `$scrypt$ln=15,r=8,p=1$${salt}$${hash}`;
}
