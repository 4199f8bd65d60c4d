/**
 * The URL path the admin is served under when it is mounted in another server (`/admin`). The app itself always
 * routes from `/`: the mount helpers strip the base path from the request and hand it over in the fetch `env`,
 * which (unlike a header) no client can set.
 */
import type { Context } from "hono";

/** The key of the fetch `env` that carries the base path. */
export const basePathEnvKey = "atriumBasePath";

/**
 * `"/admin/"` -> `"/admin"`, `"/"` and `""` -> `""` (served at the root). Throws on what cannot be a path
 * prefix, naming the caller.
 */
export function normalizeBasePath(path: string, caller: string): string {
  const trimmed = path.replace(/\/+$/, "");
  if (trimmed === "") return "";
  if (!trimmed.startsWith("/") || !/^(\/[A-Za-z0-9._~%-]+)+$/.test(trimmed)) {
    throw new TypeError(
      `${caller}: the base path '${path}' must be a URL path such as "/admin": segments of letters, digits, '.', '_', '~', '-' after '/'`,
    );
  }
  return trimmed;
}

/** The base path this request was mounted under; "" at the root. */
export function basePathOf(c: Context): string {
  const env = c.env as Record<string, unknown> | undefined;
  const value = env?.[basePathEnvKey];
  return typeof value === "string" ? value : "";
}
