/**
 * The "View on site" link of a record (`models.<Model>.viewOnSite`): each `{field}` of the template replaced by
 * the record's value, URL-encoded. Null when a named value is missing (empty, or hidden from this user), or when
 * the result is not an http(s) or root-relative URL: the start-up check refuses such templates, and the link is
 * checked again here because it lands in an `href`.
 */
export function viewOnSiteUrl(template: string | undefined, record: Record<string, unknown>): string | null {
  if (!template) return null;
  let missing = false;
  const url = template.replace(/\{([^{}]*)\}/g, (_, name: string) => {
    const value = record[name];
    if (value === null || value === undefined || value === "" || typeof value === "object") {
      missing = true;
      return "";
    }
    return encodeURIComponent(String(value));
  });
  if (missing || !/^(https?:\/\/|\/(?!\/))/i.test(url)) return null;
  return url;
}
