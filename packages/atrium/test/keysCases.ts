/**
 * The keys schema through the HTTP API: natural string keys, composite @@id (named too) with a DateTime part, a
 * composite foreign key, an explicit join model, a model addressed by @unique, @map renames, Restrict blockers.
 * keys.test.ts runs them on SQLite, postgres.test.ts on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectApiError, expectStatus } from "./apiResponse.js";
import { openTestApi, type TestApi, type TestProvider } from "./openTestApi.js";
import { testSchemaPath } from "./schemaPaths.js";

// biome-ignore lint/suspicious/noExplicitAny: rows are JSON read back from the API.
type Row = any;

const departure = "2026-06-01T08:30:00.000Z";
/** A flight number holding the `$id` separator, so the encoding of composite ids is exercised. */
const flightNumber = "LH,400";
const flightId = `${encodeURIComponent(flightNumber)},${encodeURIComponent(departure)}`;

/** Registers the keys cases against the api the getter returns (opened by the caller's beforeAll). */
export function runKeysCases(current: () => TestApi) {
  const post = async (key: string, body: object) => {
    const res = await current().post(`/api/records/${key}`, body);
    expectStatus(res, 201);
    return res.body.data as Row;
  };

  beforeAll(async () => {
    await post("country", { isoCode: "DE", name: "Germany" });
    await post("country", { isoCode: "FR", name: "France" });
    await post("airport", { iata: "FRA", name: "Frankfurt", country: "DE" });
    await post("airport", { iata: "CDG", name: "Charles de Gaulle", countryCode: "FR" });
    await post("flight", {
      number: flightNumber,
      departureDate: departure,
      origin: "FRA",
      destination: "CDG",
    });
    await post("passenger", { passport: "P/123", fullName: "Ada Lovelace" });
    await post("product", { sku: "SKU-1", title: "Kettle", priceCents: 2999 });
    await post("category", { code: "home", label: "Home" });
    await post("order", { orderNo: 7 });
  });

  it("creates, reads, updates and deletes records with natural string keys", async () => {
    const api = current();
    const country = await api.get("/api/records/country/DE");
    expect(country.body.data).toMatchObject({ $id: "DE", $label: "Germany", isoCode: "DE", airports: 1 });
    const airport = (await api.get("/api/records/airport/CDG")).body.data;
    expect(airport).toMatchObject({
      countryCode: "FR",
      country: { $id: "FR", $label: "France" },
      departures: 0,
      arrivals: 1,
    });
    expect(
      (await api.patch("/api/records/country/FR", { name: "République française" })).body.data.name,
    ).toBe("République française");
    await post("country", { isoCode: "XX", name: "Nowhere" });
    expectStatus(await api.delete("/api/records/country/XX"), 204);
    expectApiError(await api.get("/api/records/country/XX"), 404, "not_found");
  });

  it("addresses a composite id with a DateTime part and a comma inside a part", async () => {
    const api = current();
    const list = await api.get("/api/records/flight");
    expect(list.body.data.map((row: Row) => row.$id)).toEqual([flightId]);
    const path = `/api/records/flight/${encodeURIComponent(flightId)}`;
    const flight = (await api.get(path)).body.data;
    expect(flight).toMatchObject({
      number: flightNumber,
      departureDate: departure,
      origin: { $id: "FRA", $label: "Frankfurt" },
      destination: { $id: "CDG" },
    });
    expectApiError(
      await api.get(`/api/records/flight/${encodeURIComponent(`LH,${encodeURIComponent(departure)}`)}`),
      404,
      "not_found",
    );
    expectApiError(await api.get("/api/records/flight/LH400"), 400, "bad_request", ["$id"]);
    expectApiError(
      await api.get(`/api/records/flight/${encodeURIComponent("LH,yesterday")}`),
      400,
      "bad_request",
      ["$id"],
    );
  });

  it("connects a composite foreign key by the related $id and refuses a missing one with 422", async () => {
    const api = current();
    const booking = await post("booking", { ref: "B1", passenger: "P/123", flight: flightId, seat: "12A" });
    expect(booking).toMatchObject({
      $id: "B1",
      flightNumber,
      flightDate: departure,
      flight: { $id: flightId },
      passenger: { $id: "P/123", $label: "Ada Lovelace" },
    });
    const missingFlight = `${encodeURIComponent("XX,1")},${encodeURIComponent(departure)}`;
    const res = await api.post("/api/records/booking", {
      ref: "B2",
      passenger: "P/123",
      flight: missingFlight,
    });
    expectApiError(res, 422, "foreign_key_violation", ["flight"]);
    const passenger = await api.post("/api/records/booking", {
      ref: "B3",
      passenger: "nope",
      flight: flightId,
    });
    expectApiError(passenger, 422, "foreign_key_violation", ["passenger"]);
    const filtered = await api.get(`/api/records/booking?filter.flight.eq=${encodeURIComponent(flightId)}`);
    expect(filtered.body.data.map((row: Row) => row.$id)).toEqual(["B1"]);
  });

  it("addresses a model without @id by its @unique field", async () => {
    const api = current();
    const path = `/api/records/passenger/${encodeURIComponent("P/123")}`;
    expect((await api.get(path)).body.data).toMatchObject({
      $id: "P/123",
      fullName: "Ada Lovelace",
      bookings: 1,
    });
    expect((await api.patch(path, { fullName: "Ada King" })).body.data.$label).toBe("Ada King");
    expectApiError(
      await api.post("/api/records/passenger", { passport: "P/123", fullName: "Twin" }),
      409,
      "unique_violation",
      ["passport"],
    );
  });

  it("writes an explicit join model and a named compound id", async () => {
    const api = current();
    const link = await post("product-category", { product: "SKU-1", category: "home" });
    expect(link).toMatchObject({ $id: "SKU-1,home", position: 0, product: { $label: "Kettle" } });
    expectApiError(
      await api.post("/api/records/product-category", { product: "SKU-1", category: "home" }),
      409,
      "unique_violation",
      ["productSku", "categoryCode"],
    );
    const line = await post("order-line", { order: "7", lineNo: 1, product: "SKU-1" });
    expect(line).toMatchObject({ $id: "7,1", quantity: 1 });
    expect((await api.patch("/api/records/order-line/7,1", { quantity: 4 })).body.data.quantity).toBe(4);
    expectApiError(
      await api.post("/api/records/order-line", { order: "7", lineNo: 1, product: "SKU-1" }),
      409,
      "unique_violation",
      ["orderNo", "lineNo"],
    );
    expectApiError(
      await api.post("/api/records/order-line", { order: "8", lineNo: 1, product: "SKU-1" }),
      422,
      "foreign_key_violation",
      ["order"],
    );
  });

  it("blocks deletes through Restrict with 409 and lists the blockers in the preview", async () => {
    const api = current();
    const preview = (await api.get("/api/records/country/DE/delete-preview")).body.data;
    expect(preview).toMatchObject({ canDelete: false });
    expect(preview.blockers).toContainEqual(
      expect.objectContaining({ model: "airport", via: "country", count: 1 }),
    );
    const error = expectApiError(await api.delete("/api/records/country/DE"), 409, "delete_restricted");
    expect((error.details as Row).blockers[0]).toMatchObject({ model: "airport", examples: ["Frankfurt"] });
    expectApiError(await api.delete("/api/records/airport/FRA"), 409, "delete_restricted");
    expectApiError(await api.delete("/api/records/product/SKU-1"), 409, "delete_restricted");
    expect(await api.client.country.count({ where: { isoCode: "DE" } })).toBe(1);
  });

  it("cascades through composite keys", async () => {
    const api = current();
    const preview = (await api.get("/api/records/order/7/delete-preview")).body.data;
    expect(preview.cascades).toContainEqual(expect.objectContaining({ model: "order-line", count: 1 }));
    const flight = (await api.get(`/api/records/flight/${encodeURIComponent(flightId)}/delete-preview`)).body
      .data;
    expect(flight.cascades).toContainEqual(
      expect.objectContaining({ model: "booking", via: "flight", count: 1 }),
    );
    expectStatus(await api.delete("/api/records/order/7"), 204);
    expect(await api.client.orderLine.count()).toBe(0);
    const many = await api.post("/api/records/flight/delete-many", { ids: [flightId] });
    expect(many.body).toEqual({ deleted: 1 });
    expect(await api.client.booking.count()).toBe(0);
  });

  it("searches case-insensitively and filters by string keys", async () => {
    const api = current();
    expect((await api.get("/api/records/country?q=GERM")).body.data.map((row: Row) => row.$id)).toEqual([
      "DE",
    ]);
    expect(
      (await api.get("/api/records/airport?filter.country.eq=DE")).body.data.map((row: Row) => row.$id),
    ).toEqual(["FRA"]);
    expect(
      (await api.get("/api/records/airport?filter.name.contains=GAULLE")).body.data.map(
        (row: Row) => row.$id,
      ),
    ).toEqual(["CDG"]);
    const lookup = await api.get("/api/lookup/airport?q=frank");
    expect(lookup.body.data).toEqual([{ $id: "FRA", $label: "Frankfurt" }]);
    // Orders are keyed by a bare number: nothing to search in, and q says so instead of being ignored.
    expectApiError(await api.get("/api/records/order?q=x"), 400, "bad_request", ["q"]);
  });

  it("logged no unexpected error", () => {
    expect(current().problems).toEqual([]);
  });
}

export function describeKeys(provider: TestProvider) {
  describe(`keys.prisma on ${provider}`, () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await openTestApi(testSchemaPath("keys"), { provider });
    });
    afterAll(async () => {
      await api?.close();
    });
    runKeysCases(() => api);
  });
}
