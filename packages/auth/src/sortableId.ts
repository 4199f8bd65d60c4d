import { randomBytes } from "node:crypto";

let lastMillis = 0;
let counter = 0;

/**
 * An id whose text order is its creation order (within one process; across servers, to the millisecond), so
 * that history can be paged by id without a database sequence, which each database spells differently.
 * 26 characters: 9 base-36 digits of time, 5 of a per-millisecond counter, 12 hex random.
 */
export function sortableId(at: Date = new Date()): string {
  const millis = at.getTime();
  if (millis === lastMillis) counter += 1;
  else {
    lastMillis = millis;
    counter = 0;
  }
  return `${millis.toString(36).padStart(9, "0")}${counter.toString(36).padStart(5, "0")}${randomBytes(6).toString("hex")}`;
}
