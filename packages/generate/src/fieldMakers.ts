/**
 * How a seed plan makes chosen fields instead of the defaults by type and name: a list to pick from, or a function
 * given the seeded faker, the row drawn so far and the row's index (a faker call, or a value derived from other
 * fields). Whatever a maker answers goes through the wire codec both ways, the parsing every form value goes
 * through, so a wrong type or an over-long text is refused with the field named instead of reaching the database.
 */
import {
  AtriumError,
  decodeWireValue,
  encodeWireValue,
  type FieldMeta,
  isAtriumError,
  type ModelMeta,
} from "@atrium/core";
import type { Faker } from "@faker-js/faker";
import { drawnFields } from "./rowBuilder.js";

export interface FieldMakerContext {
  /** Seeded per row: the same seed and index give the same values. */
  faker: Faker;
  /** The row's values so far: every drawn field, and the fields made before this one in the plan's order. */
  row: Readonly<Record<string, unknown>>;
  /** The row's position in its model's run, from 0. */
  index: number;
}

export type FieldMaker = readonly unknown[] | ((context: FieldMakerContext) => unknown);

/** Field name -> maker, in the order they run. */
export type FieldMakers = Readonly<Record<string, FieldMaker>>;

/** Why a field cannot be given a maker, or undefined when it can. */
export function unmakeableReason(model: ModelMeta, field: FieldMeta): string | undefined {
  if (field.kind === "relation")
    return "it is a relation; its records are picked from the related model's rows";
  if (field.isForeignKey) return "it is a relation's key; it is picked from the related model's rows";
  if (!drawnFields(model).includes(field)) return "the database or Prisma fills it in";
  return undefined;
}

/** A maker's value as the data source takes it; throws AtriumError("validation_failed") naming the field. */
export function makerValue(model: ModelMeta, field: FieldMeta, value: unknown): unknown {
  if (value === undefined) {
    throw new AtriumError("validation_failed", `${model.name}.${field.name}: the maker answered nothing`, {
      fields: { [field.name]: "The maker answered undefined" },
    });
  }
  try {
    return decodeWireValue(field, encodeWireValue(field, value));
  } catch (error) {
    if (!isAtriumError(error)) throw error;
    throw new AtriumError(
      "validation_failed",
      `${model.name}.${field.name}: ${error.fields?.[field.name] ?? error.message} (got ${preview(value)})`,
      { fields: { [field.name]: error.fields?.[field.name] ?? error.message } },
    );
  }
}

/** Runs each maker on `scalars` in order; the row's index is passed so derived values can number rows. */
export function applyMakers(
  model: ModelMeta,
  makers: FieldMakers,
  scalars: Record<string, unknown>,
  faker: Faker,
  index: number,
): void {
  for (const [name, maker] of Object.entries(makers)) {
    const field = model.fields.find((candidate) => candidate.name === name);
    if (!field) throw new AtriumError("bad_request", `${model.name} has no field '${name}'`);
    const value =
      typeof maker === "function"
        ? maker({ faker, row: { ...scalars }, index })
        : faker.helpers.arrayElement(maker);
    scalars[name] = makerValue(model, field, value);
  }
}

function preview(value: unknown): string {
  if (typeof value === "bigint") return `${value}n`;
  if (value instanceof Date) return value.toISOString();
  const text = typeof value === "string" ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
