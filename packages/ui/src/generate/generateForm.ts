/**
 * The Generate dialog's two inputs, read as the server reads them (routes/generateRecords.ts), so that a typo
 * is answered beside its field before anything is sent.
 */
import type { GenerateRequest } from "@atrium/client";

/** Most records one request may generate: the server's default `maxGenerateCount`, which answers past it. */
const maxCount = 10_000;

export interface GenerateForm {
  request?: GenerateRequest;
  errors: Record<string, string>;
}

export function readGenerateForm(countText: string, seedText: string): GenerateForm {
  const errors: Record<string, string> = {};
  const count = wholeNumber(countText);
  if (count === undefined || count < 1 || count > maxCount) {
    errors.count = `Enter a whole number from 1 to ${maxCount.toLocaleString("en")}`;
  }
  const seed = seedText.trim() === "" ? undefined : wholeNumber(seedText);
  if (seedText.trim() !== "" && seed === undefined) {
    errors.seed = "Enter a whole number of 0 or more, or leave it empty for a new one";
  }
  if (Object.keys(errors).length > 0 || count === undefined) return { errors };
  return { request: seed === undefined ? { count } : { count, seed }, errors };
}

/** A whole number written with digits only (thousands separators allowed), or undefined. */
function wholeNumber(text: string): number | undefined {
  const digits = text.trim().replace(/[,_\s]/g, "");
  if (!/^\d+$/.test(digits)) return undefined;
  const value = Number(digits);
  return Number.isSafeInteger(value) ? value : undefined;
}
