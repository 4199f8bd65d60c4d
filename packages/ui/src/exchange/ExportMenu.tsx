import { type ExchangeFormat, type ListState, toSearchParams, useAdmin } from "@atrium/client";
import type { ModelMeta } from "@atrium/core";
import { inSentence } from "@atrium/core";
import { Download } from "lucide-react";
import { useEffect, useRef } from "react";

const formats: ExchangeFormat[] = ["csv", "json", "ndjson"];

export interface ExportMenuProps {
  model: ModelMeta;
  /** The list as shown: its search, filters and sort are what is exported (its page is not). */
  state: ListState;
  selectedIds: string[];
}

/**
 * "Export" on a list page: the whole list as filtered, searched and sorted, or the selection, as CSV, JSON or
 * NDJSON. Each is a plain download link: the server streams the file, so a big list never passes through the page.
 */
export function ExportMenu({ model, state, selectedIds }: ExportMenuProps) {
  const { api } = useAdmin();
  const menu = useRef<HTMLDetailsElement>(null);
  const listParams = toSearchParams(state);
  for (const name of ["page", "perPage", "cursor"]) listParams.delete(name);
  const selection = new URLSearchParams();
  for (const id of selectedIds) selection.append("ids", id);
  const filtered = state.q !== "" || state.filters.length > 0;
  const close = () => menu.current?.removeAttribute("open");
  // Closed by a click elsewhere or Escape, as menus are.
  useEffect(() => {
    const away = (event: Event) => {
      if (
        event instanceof KeyboardEvent
          ? event.key === "Escape"
          : !menu.current?.contains(event.target as Node)
      ) {
        menu.current?.removeAttribute("open");
      }
    };
    document.addEventListener("pointerdown", away);
    document.addEventListener("keydown", away);
    return () => {
      document.removeEventListener("pointerdown", away);
      document.removeEventListener("keydown", away);
    };
  }, []);
  const links = (params: URLSearchParams, what: string) =>
    formats.map((format) => (
      <a
        key={format}
        className="button button-small"
        href={api.exchange.exportUrl(model.key, format, params)}
        download
        aria-label={`Export ${what} as ${format.toUpperCase()}`}
        onClick={close}
      >
        {format.toUpperCase()}
      </a>
    ));
  return (
    <details className="export-menu" ref={menu}>
      <summary className="button">
        <Download size={14} aria-hidden="true" />
        Export
      </summary>
      <div className="export-menu-panel">
        <p className="muted">
          {filtered
            ? `The ${inSentence(model.labelPlural)} that match, in the list's order`
            : `Every ${inSentence(model.label)}, in the list's order`}
        </p>
        <div className="export-menu-links">{links(listParams, "the list")}</div>
        {selectedIds.length > 0 && (
          <>
            <p className="muted">The {selectedIds.length} selected</p>
            <div className="export-menu-links">{links(selection, "the selection")}</div>
          </>
        )}
      </div>
    </details>
  );
}
