import { readBasePath } from "@atrium/client";
import { useEffect, useRef, useState } from "react";
import { ErrorState, PageHeader } from "../components/StateViews.js";

/**
 * `/api-reference`: the API as the signed-in user may use it (`GET /api/openapi.json`), rendered by RapiDoc, whose
 * "Try" buttons send requests with the session cookie. RapiDoc (a web component, ~215 KB gzipped) is imported
 * only when this page opens, so no other page downloads it.
 */
export function ApiReferencePage() {
  const host = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<unknown>(null);

  useEffect(() => {
    let element: HTMLElement | undefined;
    let cancelled = false;
    import("rapidoc")
      .then(() => {
        if (cancelled || !host.current) return;
        const base = readBasePath();
        const dark = document.documentElement.dataset.theme === "dark";
        element = document.createElement("rapi-doc");
        const attributes: Record<string, string> = {
          "spec-url": `${base}/api/openapi.json`,
          // Requests go to this admin, with its session cookie; the document's own server is a relative path.
          "server-url": `${window.location.origin}${base}`,
          "default-api-server": `${window.location.origin}${base}`,
          "fetch-credentials": "same-origin",
          // RapiDoc would otherwise fetch fonts from Google, which the admin's Content-Security-Policy refuses.
          "load-fonts": "false",
          "regular-font": "inherit",
          "mono-font": "ui-monospace, monospace",
          "render-style": "focused",
          "show-header": "false",
          "allow-authentication": "false",
          "allow-server-selection": "false",
          "allow-spec-url-load": "false",
          "allow-spec-file-load": "false",
          "schema-style": "table",
          "show-method-in-nav-bar": "as-colored-block",
          "use-path-in-nav-bar": "false",
          theme: dark ? "dark" : "light",
          // The admin's own colours (tokens.css); RapiDoc derives its shades from them, so they must be literal.
          ...(dark
            ? {
                "bg-color": "#17171b",
                "text-color": "#ededf0",
                "nav-bg-color": "#141418",
                "nav-text-color": "#a0a0ab",
              }
            : {
                "bg-color": "#ffffff",
                "text-color": "#18181b",
                "nav-bg-color": "#f4f4f6",
                "nav-text-color": "#62626d",
              }),
          "primary-color": "#5b5bd6",
        };
        for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
        element.className = "api-reference-doc";
        host.current.append(element);
      })
      .catch((error: unknown) => {
        if (!cancelled) setFailed(error);
      });
    return () => {
      cancelled = true;
      element?.remove();
    };
  }, []);

  return (
    <>
      <PageHeader
        title="API"
        description="Every route you may call, with the models and fields you may see. Requests you try here run as you."
        actions={
          <a className="button" href={`${readBasePath()}/api/openapi.json`} download="atrium-openapi.json">
            Download OpenAPI
          </a>
        }
      />
      {failed ? (
        <ErrorState title="The API reference could not be loaded" error={failed} />
      ) : (
        <div ref={host} className="api-reference card" />
      )}
    </>
  );
}
