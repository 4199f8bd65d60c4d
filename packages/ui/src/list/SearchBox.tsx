import type { SearchMatch } from "@atrium/core";
import { Search } from "lucide-react";
import { useEffect, useRef, useState } from "react";

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/** "Search title or ISBN…", or "Search: title or ISBN starts with…" for a prefix match. */
export function placeholder(label: string, searches: string | undefined, match: SearchMatch): string {
  if (match === "prefix") return `${searches ? `Search: ${searches}` : label} starts with…  /`;
  return searches ? `Search ${searches}…  /` : `${label}…  /`;
}

/** Debounced: the list reloads when the user pauses, not on every key. */
export function SearchBox({
  value,
  onSearch,
  label,
  searches,
  match = "contains",
}: {
  value: string;
  onSearch: (q: string) => void;
  label: string;
  /** What the search looks in ("title, ISBN or author"), shown in the empty box. */
  searches?: string;
  /** How the text matches: `prefix` says "starts with", so a word in the middle is not expected to be found. */
  match?: SearchMatch;
}) {
  const [text, setText] = useState(value);
  const lastSent = useRef(value);
  const input = useRef<HTMLInputElement>(null);
  // "/" focuses the search from anywhere on the list, as in most dashboards.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "/" && !event.ctrlKey && !event.metaKey && !isTyping(event.target)) {
        event.preventDefault();
        input.current?.focus();
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
  useEffect(() => {
    // Back/forward navigation changes the URL under us.
    if (value !== lastSent.current) {
      lastSent.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === lastSent.current) return;
    const timer = setTimeout(() => {
      lastSent.current = trimmed;
      onSearch(trimmed);
    }, 300);
    return () => clearTimeout(timer);
  }, [text, onSearch]);
  return (
    <div className="input-with-icon search">
      <Search size={14} aria-hidden="true" />
      <input
        ref={input}
        className="input"
        type="search"
        aria-label={label}
        placeholder={placeholder(label, searches, match)}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
    </div>
  );
}
