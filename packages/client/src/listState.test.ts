// @vitest-environment node
import { describe, expect, it } from "vitest";
import {
  emptyListState,
  listDefaults,
  listStateFromSearchParams,
  toApiParams,
  toggleSort,
  toSearchParams,
  withFilter,
} from "./listState.js";

describe("list state in the URL", () => {
  it("round-trips page, page size, multi-column sort, search and filters", () => {
    const url = new URLSearchParams(
      "page=3&perPage=50&sort=-createdAt,title&q=hello&filter.published.eq=true&filter.author.eq=u%2F1&filter.views.gte=10",
    );
    const state = listStateFromSearchParams(url);
    expect(state).toEqual({
      page: 3,
      perPage: 50,
      sort: [
        { field: "createdAt", direction: "desc" },
        { field: "title", direction: "asc" },
      ],
      q: "hello",
      filters: [
        { path: "published", op: "eq", value: "true" },
        { path: "author", op: "eq", value: "u/1" },
        { path: "views", op: "gte", value: "10" },
      ],
    });
    expect(listStateFromSearchParams(toSearchParams(state))).toEqual(state);
  });

  it("keeps dotted relation paths and comma lists intact", () => {
    const state = listStateFromSearchParams(
      new URLSearchParams("filter.author.name.contains=Ann&filter.tags.in=a,b"),
    );
    expect(state.filters).toEqual([
      { path: "author.name", op: "contains", value: "Ann" },
      { path: "tags", op: "in", value: "a,b" },
    ]);
  });

  it("ignores broken parameters instead of failing the page", () => {
    const state = listStateFromSearchParams(
      new URLSearchParams("page=-2&perPage=abc&filter.title.like=x&filter.eq=1&sort=,,-"),
    );
    expect(state).toEqual(emptyListState());
  });

  it("leaves defaults out of the URL but always sends page and perPage to the API", () => {
    expect(toSearchParams(emptyListState()).toString()).toBe("");
    expect(toApiParams(emptyListState()).toString()).toBe("page=1&perPage=25");
  });

  it("keeps a page's cursor in the URL and sends it instead of the page number, dropping it on page 1", () => {
    const deep = listStateFromSearchParams(new URLSearchParams("page=7&cursor=eyJ2Ijox&sort=title"));
    expect(deep.cursor).toBe("eyJ2Ijox");
    expect(toSearchParams(deep).toString()).toBe("page=7&cursor=eyJ2Ijox&sort=title");
    expect(toApiParams(deep).toString()).toBe("cursor=eyJ2Ijox&sort=title&perPage=25");
    // A sort, filter or size change goes back to page 1, which is read by its number.
    const resorted = toggleSort(deep, "title", false);
    expect(toApiParams(resorted).toString()).toBe("sort=-title&page=1&perPage=25");
    expect(toSearchParams(withFilter(deep, "status", "eq", "DRAFT")).has("cursor")).toBe(false);
    expect(listStateFromSearchParams(new URLSearchParams("cursor=eyJ2Ijox")).cursor).toBeUndefined();
  });

  it("goes back to page 1 when a filter changes, and removes a filter given an empty value", () => {
    const start = { ...emptyListState(), page: 4 };
    const filtered = withFilter(start, "status", "in", "DRAFT,PUBLISHED");
    expect(filtered.page).toBe(1);
    expect(filtered.filters).toEqual([{ path: "status", op: "in", value: "DRAFT,PUBLISHED" }]);
    expect(withFilter(filtered, "status", "in", "").filters).toEqual([]);
  });
});

describe("column sorting", () => {
  it("cycles a single column asc, desc, off", () => {
    let state = toggleSort(emptyListState(), "title", false);
    expect(state.sort).toEqual([{ field: "title", direction: "asc" }]);
    state = toggleSort(state, "title", false);
    expect(state.sort).toEqual([{ field: "title", direction: "desc" }]);
    expect(toggleSort(state, "title", false).sort).toEqual([]);
  });

  it("adds further columns with shift and keeps their order", () => {
    let state = toggleSort(emptyListState(), "title", false);
    state = toggleSort(state, "createdAt", true);
    state = toggleSort(state, "createdAt", true);
    expect(toSearchParams(state).get("sort")).toBe("title,-createdAt");
    expect(toggleSort(state, "title", true).sort).toEqual([
      { field: "title", direction: "desc" },
      { field: "createdAt", direction: "desc" },
    ]);
    // A plain click replaces a multi-column sort.
    expect(toggleSort(state, "views", false).sort).toEqual([{ field: "views", direction: "asc" }]);
  });
});

describe("a model's list defaults (models.<Model>.list in the config)", () => {
  const order = {
    admin: { list: { ordering: ["-placedAt", "customer.lastName"], perPage: 50, perPageChoices: [20, 50] } },
  } as unknown as Parameters<typeof listDefaults>[0];

  it("are the configured sort, page size and choices, else 25 rows of [10, 25, 50, 100] by id", () => {
    expect(listDefaults(order)).toEqual({
      perPage: 50,
      perPageChoices: [20, 50],
      sort: [
        { field: "placedAt", direction: "desc" },
        { field: "customer.lastName", direction: "asc" },
      ],
    });
    expect(listDefaults(undefined)).toEqual({ perPage: 25, perPageChoices: [10, 25, 50, 100], sort: [] });
  });

  it("keep the default page size out of the URL, and read it back when the URL has none", () => {
    const defaults = listDefaults(order);
    expect(toSearchParams(emptyListState({ perPage: 50 }), defaults).toString()).toBe("");
    expect(toSearchParams(emptyListState({ perPage: 25 }), defaults).toString()).toBe("perPage=25");
    expect(listStateFromSearchParams(new URLSearchParams(""), defaults).perPage).toBe(50);
  });
});
