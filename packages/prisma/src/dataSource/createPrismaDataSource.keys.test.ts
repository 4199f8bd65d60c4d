/** Natural, compound and unique-only keys, Restrict and Cascade, on SQLite (test/schemas/keys.prisma). */
import type { DeletePreview } from "@atrium/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caught } from "./testing/caught.js";
import { openTestDatabase, type TestDatabase } from "./testing/openTestDatabase.js";

let db: TestDatabase;
const departure = new Date("2026-05-01T08:30:00.000Z");
const flightId = { number: "AF100", departureDate: departure };

beforeAll(async () => {
  db = await openTestDatabase("keys");
  const { client } = db;
  await client.country.create({ data: { isoCode: "FR", name: "France" } });
  await client.country.create({ data: { isoCode: "IS", name: "Iceland" } });
  await client.airport.create({ data: { iata: "CDG", name: "Charles de Gaulle", countryCode: "FR" } });
  await client.airport.create({ data: { iata: "ORY", name: "Orly", countryCode: "FR" } });
  await client.airport.create({ data: { iata: "KEF", name: "Keflavik", countryCode: "IS" } });
  await client.flight.create({ data: { ...flightId, originCode: "CDG", destinationCode: "KEF" } });
  await client.passenger.create({ data: { passport: "P1", fullName: "Ada" } });
  await client.booking.create({
    data: { ref: "B1", passport: "P1", flightNumber: "AF100", flightDate: departure, seat: "1A" },
  });
  await client.product.create({ data: { sku: "MUG", title: "Mug", priceCents: 900 } });
  await client.category.create({ data: { code: "KIT", label: "Kitchen" } });
  await client.productCategory.create({ data: { productSku: "MUG", categoryCode: "KIT" } });
  await client.order.create({ data: { orderNo: 1 } });
  await client.orderLine.create({ data: { orderNo: 1, lineNo: 1, productSku: "MUG", quantity: 2 } });
  await client.orderLine.create({ data: { orderNo: 1, lineNo: 2, productSku: "MUG" } });
}, 120_000);

afterAll(async () => {
  await db?.close();
});

describe("Restrict", () => {
  it("blocks the delete with a 409 that names the blockers, and deletes nothing", async () => {
    const country = db.model("Country");
    const error = await caught(db.dataSource.delete(country, { isoCode: "FR" }));
    expect(error.code).toBe("delete_restricted");
    expect(error.status).toBe(409);
    expect(error.message).toContain("2 airports (country)");
    const details = error.details as DeletePreview;
    expect(details.blockers).toEqual([
      {
        model: "airport",
        label: "Airports",
        via: "country",
        count: 2,
        examples: ["Charles de Gaulle", "Orly"],
      },
    ]);
    expect(await db.client.country.count()).toBe(2);
  });

  it("shows in the preview", async () => {
    const preview = await db.dataSource.deletePreview(db.model("Airport"), { iata: "CDG" });
    expect(preview.canDelete).toBe(false);
    expect(preview.blockers).toEqual([
      // A flight is its number on its day: the label is made of both parts of its key.
      {
        model: "flight",
        label: "Flights",
        via: "origin",
        count: 1,
        examples: ["AF100 · 2026-05-01T08:30:00.000Z"],
      },
    ]);
  });

  it("blocks deleteMany as a whole", async () => {
    const country = db.model("Country");
    const error = await caught(db.dataSource.deleteMany(country, [{ isoCode: "FR" }, { isoCode: "IS" }]));
    expect(error.code).toBe("delete_restricted");
    expect((error.details as DeletePreview).blockers.map((group) => group.count)).toEqual([3]);
    expect(await db.client.country.count()).toBe(2);
  });

  it("blocks a cascade that reaches a restricted row", async () => {
    // Deleting the product would cascade to its categories but its order lines restrict it.
    const product = db.model("Product");
    const preview = await db.dataSource.deletePreview(product, { sku: "MUG" });
    expect(preview.cascades).toMatchObject([{ model: "product-category", via: "product", count: 1 }]);
    expect(preview.blockers).toMatchObject([{ model: "order-line", via: "product", count: 2 }]);
    expect((await caught(db.dataSource.delete(product, { sku: "MUG" }))).code).toBe("delete_restricted");
    expect(await db.client.productCategory.count()).toBe(1);
  });
});

describe("Cascade", () => {
  it("deletes the dependent rows the preview counted", async () => {
    const order = db.model("Order");
    const preview = await db.dataSource.deletePreview(order, { orderNo: 1 });
    expect(preview).toMatchObject({
      canDelete: true,
      cascades: [{ model: "order-line", via: "order", count: 2 }],
    });
    await db.dataSource.delete(order, { orderNo: 1 });
    expect(await db.client.orderLine.count()).toBe(0);
  });

  it("follows compound foreign keys", async () => {
    const flight = db.model("Flight");
    const preview = await db.dataSource.deletePreview(flight, flightId);
    expect(preview.cascades).toEqual([
      { model: "booking", label: "Bookings", via: "flight", count: 1, examples: ["B1"] },
    ]);
  });
});

describe("compound and unique-only identities", () => {
  it("reads, updates and deletes a record with a compound @@id", async () => {
    const flight = db.model("Flight");
    const row = await db.dataSource.get(flight, flightId);
    expect(row).toMatchObject({
      number: "AF100",
      departureDate: departure,
      origin: { iata: "CDG", name: "Charles de Gaulle" },
      destination: { iata: "KEF", name: "Keflavik" },
      bookings: 1,
    });
    const updated = await db.dataSource.update(flight, flightId, {
      scalars: {},
      connect: { destination: { iata: "ORY" } },
      setMany: {},
    });
    expect(updated.destination).toEqual({ iata: "ORY", name: "Orly" });
  });

  it("creates and addresses a compound id with a named selector", async () => {
    const order = db.model("Order");
    const line = db.model("OrderLine");
    await db.dataSource.create(order, { scalars: { orderNo: 7 }, connect: {}, setMany: {} });
    const created = await db.dataSource.create(line, {
      scalars: { lineNo: 1, quantity: 3 },
      connect: { order: { orderNo: 7 }, product: { sku: "MUG" } },
      setMany: {},
    });
    expect(created).toMatchObject({
      orderNo: 7,
      lineNo: 1,
      quantity: 3,
      product: { sku: "MUG", title: "Mug" },
    });
    const id = { orderNo: 7, lineNo: 1 };
    expect(
      (await db.dataSource.update(line, id, { scalars: { quantity: 4 }, connect: {}, setMany: {} })).quantity,
    ).toBe(4);
    const duplicate = await caught(
      db.dataSource.create(line, {
        scalars: { orderNo: 7, lineNo: 1, productSku: "MUG" },
        connect: {},
        setMany: {},
      }),
    );
    expect(duplicate.code).toBe("unique_violation");
    expect(Object.keys(duplicate.fields ?? {}).sort()).toEqual(["lineNo", "orderNo"]);
    await db.dataSource.delete(line, id);
    expect(await db.dataSource.get(line, id)).toBeNull();
  });

  it("writes through a compound foreign key given as connect", async () => {
    const booking = db.model("Booking");
    const created = await db.dataSource.create(booking, {
      scalars: { ref: "B2" },
      connect: { passenger: { passport: "P1" }, flight: flightId },
      setMany: {},
    });
    expect(created).toMatchObject({
      ref: "B2",
      flightNumber: "AF100",
      flightDate: departure,
      passenger: { passport: "P1", fullName: "Ada" },
      flight: { number: "AF100", departureDate: departure },
    });
    const filtered = await db.dataSource.list(booking, {
      page: 1,
      perPage: 10,
      sort: [{ path: ["ref"], direction: "asc" }],
      filters: [{ path: ["flight"], op: "eq", value: flightId }],
    });
    expect(filtered.rows.map((row) => row.ref)).toEqual(["B1", "B2"]);
    const missing = await caught(
      db.dataSource.create(booking, {
        scalars: { ref: "B3" },
        connect: { passenger: { passport: "P1" }, flight: { number: "NOPE", departureDate: departure } },
        setMany: {},
      }),
    );
    expect(missing.code).toBe("foreign_key_violation");
    expect(missing.fields).toEqual({ flight: "No flight has this id" });
  });

  it("reads, updates and deletes a model addressed only by a @unique", async () => {
    const passenger = db.model("Passenger");
    await db.dataSource.create(passenger, {
      scalars: { passport: "P9", fullName: "Bo" },
      connect: {},
      setMany: {},
    });
    const updated = await db.dataSource.update(
      passenger,
      { passport: "P9" },
      { scalars: { fullName: "Bo Jo" }, connect: {}, setMany: {} },
    );
    expect(updated).toEqual({ passport: "P9", fullName: "Bo Jo", bookings: 0 });
    await db.dataSource.delete(passenger, { passport: "P9" });
    expect(await db.dataSource.get(passenger, { passport: "P9" })).toBeNull();
  });

  it("maps a renamed column back to its field in a unique violation", async () => {
    const country = db.model("Country");
    const error = await caught(
      db.dataSource.create(country, { scalars: { isoCode: "FR", name: "Again" }, connect: {}, setMany: {} }),
    );
    expect(error.code).toBe("unique_violation");
    expect(error.fields).toEqual({ isoCode: "Another country already has this iso code" });
  });
});
