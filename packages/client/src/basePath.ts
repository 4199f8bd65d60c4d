/** The `<meta>` the server adds to index.html when the admin is mounted under a path (`mountAtrium`). */
export const basePathMetaName = "atrium-base-path";

/**
 * Where the admin is served, from `<meta name="atrium-base-path" content="/admin">`: the router's basename and
 * the prefix of every API request. "" at the root (no meta, or outside a browser).
 */
export function readBasePath(doc: Pick<Document, "querySelector"> | undefined = globalThis.document): string {
  const content = doc?.querySelector(`meta[name="${basePathMetaName}"]`)?.getAttribute("content") ?? "";
  const path = content.trim().replace(/\/+$/, "");
  // Only a same-origin path: a meta naming another host would send the session's requests there.
  return path.startsWith("/") && !path.startsWith("//") ? path : "";
}
