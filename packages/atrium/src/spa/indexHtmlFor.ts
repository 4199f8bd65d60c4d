/**
 * The built index.html as served under `basePath`: Vite writes asset URLs relative (`./assets/...`) so that
 * one build serves at any path, and a deep link such as `/admin/models/book/7` needs them absolute. The meta
 * tag tells the SPA its router basename and API prefix.
 */
export function indexHtmlFor(html: string, basePath: string): string {
  const prefix = basePath.endsWith("/") ? basePath : `${basePath}/`;
  const meta = `<meta name="atrium-base-path" content="${prefix.slice(0, -1) || "/"}" />`;
  return html.replaceAll(/(src|href)="\.\//g, `$1="${prefix}`).replace("</head>", `    ${meta}\n  </head>`);
}
