/**
 * The expiry a token is created with. There is deliberately no "never" and no pre-selected choice: whoever
 * creates a token decides how long it may work.
 */
export type ExpiryChoice = "" | "7" | "30" | "90" | "365" | "date";

export const expiryChoices: { value: ExpiryChoice; label: string }[] = [
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "365 days" },
  { value: "date", label: "On a date…" },
];

const day = 24 * 60 * 60 * 1000;

/**
 * The ISO expiry for the server, or undefined when nothing (or no date) is chosen, which the server refuses
 * naming `expiresAt`. A date means the end of that day in the user's time zone.
 */
export function expiryOf(choice: ExpiryChoice, date: string, now: Date = new Date()): string | undefined {
  if (choice === "") return undefined;
  if (choice === "date") {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
    const end = new Date(`${date}T23:59:59`);
    return Number.isNaN(end.getTime()) ? undefined : end.toISOString();
  }
  return new Date(now.getTime() + Number(choice) * day).toISOString();
}
