import { readFileSync } from "node:fs";
import { findModelByName, type ModelMeta } from "@atrium/core";
import { describe, expect, it } from "vitest";
import { schemaPath } from "../../test/schemaPaths.js";
import { loadSchemaMeta } from "../schema/loadSchemaMeta.js";
import { buildOrderBy } from "./buildOrderBy.js";

const keys = loadSchemaMeta(readFileSync(schemaPath("keys"), "utf8"));

function modelOf(name: string): ModelMeta {
  const model = findModelByName(keys, name);
  if (!model) throw new Error(`no model ${name}`);
  return model;
}

describe("buildOrderBy", () => {
  it("keeps the requested order and ends with the id fields", () => {
    const airport = modelOf("Airport");
    expect(buildOrderBy(keys, airport, [{ path: ["name"], direction: "desc" }])).toEqual([
      { name: "desc" },
      { iata: "asc" },
    ]);
  });

  it("does not repeat id fields the sort already names", () => {
    const flight = modelOf("Flight");
    const sort = [
      { path: ["departureDate"], direction: "desc" as const },
      { path: ["number"], direction: "asc" as const },
    ];
    expect(buildOrderBy(keys, flight, sort)).toEqual([{ departureDate: "desc" }, { number: "asc" }]);
  });

  it("nests paths through to-one relations", () => {
    const booking = modelOf("Booking");
    expect(buildOrderBy(keys, booking, [{ path: ["flight", "origin", "name"], direction: "asc" }])).toEqual([
      { flight: { origin: { name: "asc" } } },
      { ref: "asc" },
    ]);
  });

  it("refuses to sort through to-many relations or by a relation itself", () => {
    const airport = modelOf("Airport");
    expect(() => buildOrderBy(keys, airport, [{ path: ["departures", "number"], direction: "asc" }])).toThrow(
      /not a to-one relation/,
    );
    expect(() => buildOrderBy(keys, airport, [{ path: ["country"], direction: "asc" }])).toThrow(
      /country\.name/,
    );
  });
});
