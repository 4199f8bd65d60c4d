const exact = new Intl.NumberFormat();
const compact = new Intl.NumberFormat(undefined, { notation: "compact", maximumFractionDigits: 1 });

/** "1,234", "about 1.2M" when the server only estimated, "many" when it stopped counting (its time budget). */
export function formatCount(total: number | null | undefined, isEstimate: boolean): string {
  if (total === null || total === undefined) return "many";
  return isEstimate ? `about ${compact.format(total)}` : exact.format(total);
}

export function plural(count: number, one: string, many: string): string {
  return `${exact.format(count)} ${count === 1 ? one : many}`;
}
