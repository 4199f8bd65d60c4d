/** What the seed plan's maker modules share: the type of a model's makers and two helpers for their values. */
import type { ModelName, SeedModelPlan } from "atrium";

/** A model's field makers, typed by the schema: a misspelled field fails `tsc` as it would in the config. */
export type PlanFields<Model extends ModelName> = NonNullable<SeedModelPlan<Model>["fields"]>;

/** A value of the row made so far, as text (makers see every drawn field, typed `unknown`). */
export function text(value: unknown): string {
  return typeof value === "string" ? value : String(value ?? "");
}

/**
 * A name from a fixed list of `size`, numbered from its second round ("Fiction 2"): a plan whose count outgrows
 * the list still makes unique names, where a repeated one would have to be left out.
 */
export function withRound(name: string, index: number, size: number): string {
  const round = Math.floor(index / size);
  return round === 0 ? name : `${name} ${round + 1}`;
}
