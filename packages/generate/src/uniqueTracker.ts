/**
 * The unique constraints of a model (its id, each `@unique`, each `@@unique`) and the values they already hold:
 * those read from the database and those generated so far. A generated row that repeats one is made unique
 * deterministically: a suffix on a text, the next free number, a later instant; a constraint of nothing but
 * keys of other records (a join's two references) cannot be adjusted, and the caller draws another row.
 */
import type { DatabaseProvider, FieldMeta, ModelMeta } from "@atrium/core";
import { decimalDigits, intRange, maxTextLength } from "./values/columnLimits.js";

export type Scalars = Record<string, unknown>;

/** How many adjusted values are tried before a constraint is given up on (never reached in practice). */
const maxAdjustments = 100_000;

export class UniqueTracker {
  readonly constraints: string[][];
  private readonly seen = new Map<string, Set<string>>();

  constructor(
    private readonly model: ModelMeta,
    private readonly provider: DatabaseProvider,
  ) {
    const all = [
      model.idFields,
      ...model.fields.filter((f) => f.isUnique).map((f) => [f.name]),
      ...model.uniqueIndexes,
    ];
    const distinct = new Map(all.map((fields) => [fields.join("\u0000"), fields]));
    this.constraints = [...distinct.values()];
    for (const fields of this.constraints) this.seen.set(fields.join("\u0000"), new Set());
  }

  /** Records values the database already holds (rows read with `fields` of every constraint). */
  addExisting(rows: Scalars[]): void {
    for (const row of rows) this.commit(row);
  }

  /** Whether the values `row` holds for the fields of `constraint` are taken (a null never is). */
  isTaken(constraint: string[], row: Scalars): boolean {
    const key = this.keyOf(constraint, row);
    return key !== undefined && (this.seen.get(constraint.join("\u0000"))?.has(key) ?? false);
  }

  /**
   * Makes `row` unique under every constraint by adjusting its generated fields (`adjustable`), in place;
   * false when a constraint repeats values that none of its adjustable fields can change.
   */
  settle(row: Scalars, adjustable: ReadonlySet<string>): boolean {
    for (let pass = 0; pass < this.constraints.length + 1; pass++) {
      let changed = false;
      for (const constraint of this.constraints) {
        if (!this.isTaken(constraint, row)) continue;
        const field = constraint
          .map((name) => this.model.fields.find((candidate) => candidate.name === name))
          .find((candidate) => candidate && adjustable.has(candidate.name) && canAdjust(candidate));
        if (!field) return false;
        const original = row[field.name];
        let attempt = 1;
        do {
          row[field.name] = adjusted(field, original, attempt, this.provider);
          attempt++;
        } while (this.isTaken(constraint, row) && attempt < maxAdjustments);
        if (this.isTaken(constraint, row)) return false;
        changed = true;
      }
      if (!changed) return true;
    }
    return this.constraints.every((constraint) => !this.isTaken(constraint, row));
  }

  /** Marks the row's values as taken. */
  commit(row: Scalars): void {
    for (const constraint of this.constraints) {
      const key = this.keyOf(constraint, row);
      if (key !== undefined) this.seen.get(constraint.join("\u0000"))?.add(key);
    }
  }

  /**
   * The values of `constraint` as the database compares them; undefined when one is null or left to the
   * database (NULLs never collide, generated ids are not known yet). Text is compared case-insensitively, as
   * MySQL's default collation does, and decimals by their number.
   */
  private keyOf(constraint: string[], row: Scalars): string | undefined {
    const parts: string[] = [];
    for (const name of constraint) {
      const value = row[name];
      if (value === null || value === undefined) return undefined;
      parts.push(comparable(value));
    }
    return parts.join("\u0000");
  }
}

function comparable(value: unknown): string {
  if (typeof value === "string")
    return /^-?\d+(\.\d+)?$/.test(value) ? String(Number(value)) : value.toLowerCase().trimEnd();
  if (value instanceof Date) return String(value.getTime());
  if (value instanceof Uint8Array) return Buffer.from(value).toString("hex");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function canAdjust(field: FieldMeta): boolean {
  return (
    field.kind === "scalar" &&
    !field.isList &&
    ["String", "Int", "BigInt", "Float", "Decimal", "DateTime"].includes(field.type)
  );
}

/** The `attempt`-th variant of a value: same kind, same column limits, different comparison key. */
function adjusted(field: FieldMeta, original: unknown, attempt: number, provider: DatabaseProvider): unknown {
  switch (field.type) {
    case "String":
      return suffixed(String(original), attempt, maxTextLength(field, provider));
    case "Int":
    case "BigInt": {
      const { min, max } = intRange(field);
      const span = max - min + 1n;
      const next =
        ((((BigInt(original as number | bigint) - min + BigInt(attempt)) % span) + span) % span) + min;
      return field.type === "BigInt" ? next : Number(next);
    }
    case "Float":
      return Number(original) + attempt;
    case "Decimal": {
      const { scale } = decimalDigits(field, provider);
      const digits = Math.min(scale, (String(original).split(".")[1] ?? "").length);
      return (Number(original) + attempt).toFixed(digits);
    }
    case "DateTime": {
      const step = field.nativeType?.[0] === "Date" ? 86_400_000 : 1000;
      return new Date((original as Date).getTime() + attempt * step);
    }
    default:
      return original;
  }
}

/** `ada@example.com` -> `ada.2@example.com`, `Paris` -> `Paris 2`, cut so the result fits the column. */
function suffixed(text: string, attempt: number, max: number | undefined): string {
  const at = text.indexOf("@");
  const suffix = at > 0 ? `.${attempt + 1}` : `-${attempt + 1}`;
  const [head, tail] = at > 0 ? [text.slice(0, at), text.slice(at)] : [text, ""];
  const room = max === undefined ? head.length : Math.max(0, max - suffix.length - tail.length);
  if (max !== undefined && room === 0) return String(attempt).slice(-max);
  return `${head.slice(0, room)}${suffix}${tail}`;
}
