import { type FilterOperator, filterOperators, type ModelMeta } from "@atrium/core";

export interface SortEntry {
  /** Field path, dotted through to-one relations (`author.name`). */
  field: string;
  direction: "asc" | "desc";
}

/** One `filter.{path}.{op}=value` parameter, value still in its URL (wire) form. */
export interface FilterEntry {
  path: string;
  op: FilterOperator;
  value: string;
}

/** Everything a list view shows; it lives entirely in the URL so links and the back button restore it. */
export interface ListState {
  /** The page's number as shown; for a page reached by `cursor`, counted from the page it was reached from. */
  page: number;
  /**
   * The `nextCursor`/`prevCursor` this page was reached by (keyset paging: a deep page costs what page 1
   * costs). Only kept with a page above 1: every change that goes back to page 1 drops it. In the URL, so a
   * reload shows the same page.
   */
  cursor?: string;
  perPage: number;
  sort: SortEntry[];
  q: string;
  filters: FilterEntry[];
}

/** The page sizes the list's pager offers. */
export const perPageChoices = [10, 25, 50, 100] as const;
/** Rows per page when the URL does not say. */
export const defaultPerPage = 25;
const maxPerPage = 500;

function positiveInt(text: string | null): number | undefined {
  if (text === null || !/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= 1 ? value : undefined;
}

/** `-placedAt,id` -> sort entries; repeated fields count once. */
export function parseSort(text: string | null): SortEntry[] {
  if (!text) return [];
  const seen = new Set<string>();
  const sort: SortEntry[] = [];
  for (const part of text.split(",")) {
    const trimmed = part.trim();
    const field = trimmed.replace(/^-/, "");
    if (!field || seen.has(field)) continue;
    seen.add(field);
    sort.push({ field, direction: trimmed.startsWith("-") ? "desc" : "asc" });
  }
  return sort;
}

/** Sort entries -> `-placedAt,id`, the `sort` parameter's form. */
export function formatSort(sort: SortEntry[]): string {
  return sort.map((entry) => (entry.direction === "desc" ? `-${entry.field}` : entry.field)).join(",");
}

/** What a model's list shows when the URL does not say (the config's `models.<Model>.list`, else the defaults). */
export interface ListDefaults {
  perPage: number;
  perPageChoices: readonly number[];
  /** The sort the server applies when the request names none; empty: by id, newest first. */
  sort: SortEntry[];
}

export function listDefaults(model: ModelMeta | undefined): ListDefaults {
  const list = model?.admin?.list;
  return {
    perPage: list?.perPage ?? defaultPerPage,
    perPageChoices: list?.perPageChoices ?? perPageChoices,
    sort: parseSort(list?.ordering?.join(",") ?? null),
  };
}

/** Reads list state from a URL; parameters it does not understand are ignored, never fatal. */
export function listStateFromSearchParams(
  params: URLSearchParams,
  defaults: Pick<ListDefaults, "perPage"> = { perPage: defaultPerPage },
): ListState {
  const filters: FilterEntry[] = [];
  for (const [key, value] of params) {
    if (!key.startsWith("filter.")) continue;
    const rest = key.slice("filter.".length);
    const dot = rest.lastIndexOf(".");
    if (dot <= 0) continue;
    const op = rest.slice(dot + 1) as FilterOperator;
    if (!filterOperators.includes(op)) continue;
    filters.push({ path: rest.slice(0, dot), op, value });
  }
  const state: ListState = {
    page: positiveInt(params.get("page")) ?? 1,
    perPage: Math.min(positiveInt(params.get("perPage")) ?? defaults.perPage, maxPerPage),
    sort: parseSort(params.get("sort")),
    q: params.get("q")?.trim() ?? "",
    filters,
  };
  const cursor = params.get("cursor");
  if (cursor && state.page > 1) state.cursor = cursor;
  return state;
}

/** The URL form of a list state; defaults are left out so plain lists keep plain URLs. */
export function toSearchParams(
  state: ListState,
  defaults: Pick<ListDefaults, "perPage"> = { perPage: defaultPerPage },
): URLSearchParams {
  const params = new URLSearchParams();
  if (state.page > 1) params.set("page", String(state.page));
  if (state.page > 1 && state.cursor) params.set("cursor", state.cursor);
  if (state.perPage !== defaults.perPage) params.set("perPage", String(state.perPage));
  if (state.sort.length > 0) params.set("sort", formatSort(state.sort));
  if (state.q) params.set("q", state.q);
  for (const filter of state.filters) params.append(`filter.${filter.path}.${filter.op}`, filter.value);
  return params;
}

/**
 * Parameters for `GET /api/records/{key}`: the URL form with perPage always explicit, and either the page's
 * cursor or its number (the API takes one or the other).
 */
export function toApiParams(state: ListState): URLSearchParams {
  const params = toSearchParams(state);
  if (params.has("cursor")) params.delete("page");
  else params.set("page", String(state.page));
  params.set("perPage", String(state.perPage));
  return params;
}

/** A list state from defaults (first page, 25 rows, no sort, search or filter) and `overrides`. */
export function emptyListState(overrides: Partial<ListState> = {}): ListState {
  return { page: 1, perPage: defaultPerPage, sort: [], q: "", filters: [], ...overrides };
}

/** Sets (or, with `undefined`/"", removes) one filter; any change of filters goes back to page 1. */
export function withFilter(
  state: ListState,
  path: string,
  op: FilterOperator,
  value: string | undefined,
): ListState {
  const filters = state.filters.filter((filter) => !(filter.path === path && filter.op === op));
  if (value !== undefined && value !== "") filters.push({ path, op, value });
  return { ...state, filters, page: 1 };
}

/** Removes every filter on `path`, back to page 1. */
export function withoutFiltersOn(state: ListState, path: string): ListState {
  return { ...state, filters: state.filters.filter((filter) => filter.path !== path), page: 1 };
}

/** The value of the filter on `path` with `op`, if set. */
export function filterValue(state: ListState, path: string, op: FilterOperator): string | undefined {
  return state.filters.find((filter) => filter.path === path && filter.op === op)?.value;
}

/**
 * Column-header sorting: a click sorts by that column alone (asc, then desc, then off); an additive click
 * (shift) adds the column as a further key or flips/removes it while keeping the others.
 */
export function toggleSort(state: ListState, field: string, additive: boolean): ListState {
  const current = state.sort.find((entry) => entry.field === field);
  const next = (): SortEntry | undefined => {
    if (!current) return { field, direction: "asc" };
    return current.direction === "asc" ? { field, direction: "desc" } : undefined;
  };
  let sort: SortEntry[];
  if (additive) {
    const replacement = next();
    sort = current
      ? state.sort.flatMap((entry) => (entry.field === field ? (replacement ? [replacement] : []) : [entry]))
      : [...state.sort, { field, direction: "asc" }];
  } else {
    const alone = state.sort.length === 1 && current;
    const replacement = alone ? next() : { field, direction: current?.direction === "asc" ? "desc" : "asc" };
    sort = replacement ? [replacement as SortEntry] : [];
  }
  return { ...state, sort, page: 1 };
}
