/**
 * Where to go after sign-in: only a path on this site. `next=https://evil.example`, `//evil.example`
 * (protocol-relative) and `/\evil.example` (browsers read `\` as `/`) all fall back, so the login page can never
 * be used as an open redirect that phishing mails point at. The redirect happens here, in the browser: the server
 * answers the sign-in with JSON and never redirects.
 */
export function safeNextPath(next: string | null | undefined, fallback = "/"): string {
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
    // The login page itself would loop.
    if (url.pathname === "/login") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/** The login URL that brings the user back to `path` afterwards. */
export function loginPath(path: string): string {
  const next = safeNextPath(path, "");
  return next === "" || next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`;
}

/**
 * The router's path of a browser path: `/admin/m/book` under the base path `/admin` is `/m/book`. The data
 * router's own state keeps the browser's whole path, while `navigate()` adds the base path again.
 */
export function pathBelowBase(pathname: string, basePath: string): string {
  if (basePath === "" || basePath === "/") return pathname;
  if (pathname === basePath) return "/";
  return pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : pathname;
}
