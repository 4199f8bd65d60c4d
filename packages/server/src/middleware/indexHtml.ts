/** The name of the `<meta>` the SPA reads its base path from (router basename and API prefix). */
export const basePathMetaName = "atrium-base-path";

/**
 * The SPA's index.html as served under `basePath` ("" at the root). Asset URLs become absolute under the base
 * path: the same page answers deep links (`/admin/m/book/7`), where `./assets/...` would resolve below the
 * record's URL. Under a base path a `<meta name="atrium-base-path">` tells the SPA where it lives.
 */
export function indexHtmlFor(html: string, basePath: string): string {
  // `./x` (Vite's relative base) and `/x` (its default), never `//host/x` or absolute URLs.
  const rewritten = html.replace(
    /(<(?:script|link|img)\b[^>]*?\s(?:src|href)=)(["'])(?:\.\/|\/(?!\/))/gi,
    (_match, start: string, quote: string) => `${start}${quote}${basePath}/`,
  );
  if (basePath === "") return rewritten;
  const meta = `<meta name="${basePathMetaName}" content="${escapeAttribute(basePath)}" />`;
  const head = rewritten.search(/<\/head>/i);
  return head < 0 ? `${meta}${rewritten}` : `${rewritten.slice(0, head)}${meta}\n  ${rewritten.slice(head)}`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
