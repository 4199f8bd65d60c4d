/** Ways of addressing records by their id fields in Prisma arguments. */
import { AtriumError, type IdValues, type ModelMeta } from "@atrium/core";
import type { Args, Row } from "./prismaClient.js";

/**
 * A `WhereUniqueInput`: `{ id: 1 }`, or Prisma's compound selector `{ orderNo_lineNo: { orderNo, lineNo } }`
 * for @@id / @@unique identities.
 */
export function uniqueWhere(model: ModelMeta, id: IdValues): Args {
  const values = idMatch(model, id);
  if (model.idFields.length === 1) return values;
  return { [model.idSelectorName ?? model.idFields.join("_")]: values };
}

/** A plain `WhereInput` matching one record (compound selectors are only allowed in unique wheres). */
export function idMatch(model: ModelMeta, id: IdValues): Args {
  if (typeof id !== "object" || id === null) {
    throw new AtriumError(
      "bad_request",
      `A ${model.label} id must name its fields: ${model.idFields.join(", ")}`,
    );
  }
  const values: Args = {};
  for (const name of model.idFields) {
    const value = id[name];
    if (value === undefined || value === null) {
      throw new AtriumError("bad_request", `The ${model.label} id lacks its "${name}" value`, {
        fields: { [name]: "required in the id" },
      });
    }
    values[name] = value;
  }
  return values;
}

/** A `WhereInput` matching any of the given records. */
export function anyIdMatch(model: ModelMeta, ids: IdValues[]): Args {
  if (model.idFields.length === 1) {
    const [name = ""] = model.idFields;
    return { [name]: { in: ids.map((id) => idMatch(model, id)[name]) } };
  }
  return { OR: ids.map((id) => idMatch(model, id)) };
}

/** The id values of a row read from Prisma. */
export function idOf(model: ModelMeta, row: Row): IdValues {
  return Object.fromEntries(model.idFields.map((name) => [name, row[name]]));
}

export function idSelect(model: ModelMeta): Record<string, true> {
  return Object.fromEntries(model.idFields.map((name) => [name, true]));
}

/** A comparable text for a record's id, to count distinct ids (bigint and Date included). */
export function idKey(model: ModelMeta, id: IdValues): string {
  return JSON.stringify(Object.values(idMatch(model, id)), (_key, value: unknown) =>
    typeof value === "bigint" ? `${value}n` : value,
  );
}
