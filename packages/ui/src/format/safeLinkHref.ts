/** The only schemes a stored value may become a link with: anything else (`javascript:`, `data:`) runs code. */
const linkableProtocols = new Set(["http:", "https:", "mailto:"]);

// Deliberately narrow: one address, no spaces, a dot in the domain. Anything looser links prose by accident.
const emailPattern = /^[^\s@<>"'()]+@[^\s@<>"'()]+\.[^\s@<>"'()]+$/;
const schemePattern = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The href a stored string may be shown as, or undefined to show it as text. The protocol is read from the
 * URL the browser would parse (tabs, newlines and leading spaces stripped), not from the raw text, so
 * `java\tscript:` or ` javascript:` cannot slip past, and the returned href is that parsed URL.
 * A bare e-mail address becomes a `mailto:` link.
 */
export function safeLinkHref(value: string): string | undefined {
  const text = value.trim();
  if (text === "" || /\s/.test(text)) return undefined;
  if (emailPattern.test(text) && !schemePattern.test(text)) return `mailto:${text}`;
  if (!schemePattern.test(text)) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (!linkableProtocols.has(url.protocol)) return undefined;
  if (url.protocol !== "mailto:" && url.hostname === "") return undefined;
  return url.href;
}
