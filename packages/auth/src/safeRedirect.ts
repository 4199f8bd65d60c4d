/**
 * Where to send the browser after sign-in: only a path on this site. `next=https://evil.example`,
 * `//evil.example` (protocol-relative) and `/\evil.example` (browsers read `\` as `/`) would turn the login
 * page into an open redirect that phishing mails can use.
 */
export function safeRedirectPath(next: unknown, fallback = "/"): string {
  if (typeof next !== "string" || next.length === 0 || next.length > 2048) return fallback;
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  // Control characters (tabs, newlines) are stripped by browsers, which could turn `/\t/evil` into `//evil`.
  for (const character of next) {
    const code = character.charCodeAt(0);
    if (code < 0x20 || code === 0x7f || character === "\\") return fallback;
  }
  try {
    const url = new URL(next, "http://atrium.invalid");
    if (url.origin !== "http://atrium.invalid") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
