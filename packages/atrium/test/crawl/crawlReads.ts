/**
 * The read channels of one model: its list, every sort, every filter operator, search, look-ups and each record
 * by `$id`, checking that what was created reads back as it was sent, the same in every channel.
 */
import { isDeepStrictEqual } from "node:util";
import { type FieldMeta, findField, findModelByName, isSortable } from "@atrium/core";
import { type CrawledModel, type CrawlState, modelPath, type Row, recordPath } from "./crawlState.js";
import { type FilterProbe, filterProbes, relationPathProbes, swapCase } from "./filterProbes.js";

const all = "perPage=200";

/** A request (and its checks) that reads only: any number of them may run at once. */
export type ReadTask = () => Promise<void>;

/**
 * The read tasks of one model, once `crawlList` has read its rows: every sort, filter, search, look-up and
 * record; for a model crawled briefly (`everyChannel` false), its record.
 */
export function readTasks(state: CrawlState, model: CrawledModel): ReadTask[] {
  const records = model.rows.map((row) => () => crawlRecord(state, model, row));
  if (!model.everyChannel) return records;
  return [
    ...sortTasks(state, model),
    ...filterTasks(state, model),
    () => crawlSearch(state, model),
    () => crawlLookup(state, model),
    () => crawlPages(state, model),
    ...records,
  ];
}

/** One record per page, page after page: each record once, in the list's order, then an empty page. */
async function crawlPages(state: CrawlState, model: CrawledModel): Promise<void> {
  const key = model.meta.key;
  const seen: string[] = [];
  for (let page = 1; page <= model.rows.length + 1; page += 1) {
    const res = await state.log.request(key, "pages", modelPath(model, `?perPage=1&page=${page}`));
    if (res?.status !== 200) return;
    seen.push(...res.body.data.map((row: Row) => row.$id));
  }
  const listed = model.rows.map((row) => row.$id);
  if (!isDeepStrictEqual(seen, listed))
    state.log.add(key, "pages", `paged ${seen.join(" ")}, listed ${listed.join(" ")}`);
}

/** The list is the crawler's source of truth for the rows from here on. */
export async function crawlList(state: CrawlState, model: CrawledModel): Promise<void> {
  const key = model.meta.key;
  const res = await state.log.request(key, "list", modelPath(model, `?${all}`));
  if (res?.status !== 200) return;
  const listed: Row[] = res.body.data;
  for (const row of model.rows) {
    const found = listed.find((candidate) => candidate.$id === row.$id);
    if (!found) state.log.add(key, "list", `record ${row.$id} is not listed`);
  }
  if (res.body.total !== listed.length) {
    state.log.add(key, "list", `total ${res.body.total} but ${listed.length} rows listed`);
  }
  // The create answer and the list must agree on label, version and the values the record holds itself.
  for (const row of listed) {
    const created = model.rows.find((candidate) => candidate.$id === row.$id);
    if (
      created &&
      model.sent.has(row.$id) &&
      !isDeepStrictEqual(ownValues(model, created), ownValues(model, row))
    ) {
      state.log.add(
        key,
        "list",
        `row ${row.$id} differs from the create answer: ${diff(ownValues(model, created), ownValues(model, row))}`,
      );
    }
  }
  model.rows = listed;
}

function sortTasks(state: CrawlState, model: CrawledModel): ReadTask[] {
  const key = model.meta.key;
  const paths: { path: string; field?: FieldMeta }[] = model.meta.fields
    .filter(isSortable)
    .map((field) => ({ path: field.name, field }));
  for (const field of model.meta.fields) {
    const title = relatedTitle(state, field);
    if (title && isSortable(title)) paths.push({ path: `${field.name}.${title.name}` });
  }
  return paths.flatMap(({ path, field }) =>
    ["", "-"].map((direction) => async () => {
      const channel = `sort:${direction}${path}`;
      const res = await state.log.request(key, channel, modelPath(model, `?${all}&sort=${direction}${path}`));
      if (res?.status !== 200 || !field) return;
      const problem = orderProblem(field, res.body.data, direction === "-");
      if (problem) state.log.add(key, channel, problem);
    }),
  );
}

/** How each sortable scalar type's values compare, by Prisma type. */
const comparableKeys = new Map<string, (text: string) => number | bigint>([
  ["Int", Number],
  ["Float", Number],
  ["Decimal", Number],
  ["BigInt", BigInt],
  ["DateTime", (text) => Date.parse(text)],
]);

/** Numbers and times must come in order (text is left alone: collations differ between databases). */
function orderProblem(field: FieldMeta, rows: Row[], descending: boolean): string | undefined {
  const toKey = field.kind === "scalar" ? comparableKeys.get(field.type) : undefined;
  if (!toKey) return undefined;
  const values = rows.map((row) => row[field.name]).filter((value) => value !== null && value !== undefined);
  const keys = values.map((value) => toKey(String(value)));
  for (let index = 1; index < keys.length; index += 1) {
    const [before, after] = [keys[index - 1] as number, keys[index] as number];
    if (descending ? before < after : before > after) return `not in order: ${values.join(", ")}`;
  }
  return undefined;
}

function filterTasks(state: CrawlState, model: CrawledModel): ReadTask[] {
  const key = model.meta.key;
  const probes: FilterProbe[] = [];
  for (const field of model.meta.fields) {
    const relatedIds = field.relation
      ? (state.byName.get(field.relation.model)?.rows ?? []).map((row) => row.$id)
      : [];
    probes.push(...filterProbes(field, model.rows, relatedIds));
  }
  probes.push(
    ...relationPathProbes(
      model.meta,
      model.rows,
      (field) => state.byName.get(field.relation?.model ?? "")?.rows,
      (field) => relatedTitle(state, field),
    ),
  );
  return probes.map((probe) => async () => {
    const channel = `filter:${probe.param}`;
    const query = `${all}&filter.${probe.param}=${encodeURIComponent(probe.value)}`;
    const res = await state.log.request(key, channel, modelPath(model, `?${query}`));
    if (res?.status !== 200) return;
    const ids: string[] = res.body.data.map((row: Row) => row.$id);
    if (probe.includes && !ids.includes(probe.includes)) {
      state.log.add(
        key,
        channel,
        `=${probe.value} does not find ${probe.includes} (found ${ids.join(" ") || "nothing"})`,
      );
    }
    if (probe.excludes && ids.includes(probe.excludes)) {
      state.log.add(key, channel, `=${probe.value} still finds ${probe.excludes}`);
    }
    const empty = probe.allEmpty;
    if (empty && res.body.data.some((row: Row) => row[empty] !== null && row[empty] !== undefined)) {
      state.log.add(key, channel, "answers rows where the field is set");
    }
  });
}

async function crawlSearch(state: CrawlState, model: CrawledModel): Promise<void> {
  const key = model.meta.key;
  if (model.meta.searchFields.length === 0) return;
  const hit = searchHit(model);
  const q = hit ? hit.q : "Zo";
  const res = await state.log.request(key, "search", modelPath(model, `?${all}&q=${encodeURIComponent(q)}`));
  if (hit && res?.status === 200 && !res.body.data.some((row: Row) => row.$id === hit.id)) {
    state.log.add(key, "search", `q=${q} does not find ${hit.id}`);
  }
  // LIKE wildcards are text to a search: nothing the crawler wrote contains them.
  const wild = await state.log.request(
    key,
    "search:wildcards",
    modelPath(model, `?q=${encodeURIComponent("%_\\")}`),
  );
  if (wild?.status === 200 && wild.body.data.length > 0) {
    state.log.add(key, "search:wildcards", `q=%_\\ matches ${wild.body.data.length} rows`);
  }
}

/** Text from the first plain search field of some row, in the other case, and that row's `$id`. */
function searchHit(model: CrawledModel): { q: string; id: string } | undefined {
  for (const name of model.meta.searchFields) {
    if (name.includes(".")) continue;
    const row = model.rows.find(
      (candidate) => typeof candidate[name] === "string" && candidate[name].length > 0,
    );
    if (!row) continue;
    // A uuid column is found by its whole value only (it is not text to the database).
    const whole = findField(model.meta, name)?.nativeType?.[0] === "Uuid";
    return { q: swapCase(whole ? row[name] : row[name].slice(0, 6)), id: row.$id };
  }
  return undefined;
}

async function crawlLookup(state: CrawlState, model: CrawledModel): Promise<void> {
  const key = model.meta.key;
  const res = await state.log.request(key, "lookup", `/api/lookup/${key}`);
  if (res?.status === 200) {
    for (const row of model.rows) {
      const hit = res.body.data.find((candidate: Row) => candidate.$id === row.$id);
      if (!hit) state.log.add(key, "lookup", `record ${row.$id} is not offered`);
      else if (hit.$label !== row.$label)
        state.log.add(key, "lookup", `label '${hit.$label}' vs '${row.$label}' in the list`);
    }
  }
  const hit = searchHit(model);
  if (!hit) return;
  const found = await state.log.request(key, "lookup:q", `/api/lookup/${key}?q=${encodeURIComponent(hit.q)}`);
  if (found?.status === 200 && !found.body.data.some((row: Row) => row.$id === hit.id)) {
    state.log.add(key, "lookup:q", `q=${hit.q} does not offer ${hit.id}`);
  }
}

/** A record by `$id`: the same as listed, and every value sent on create read back as sent. */
async function crawlRecord(state: CrawlState, model: CrawledModel, row: Row): Promise<void> {
  const key = model.meta.key;
  const res = await state.log.request(key, "get", recordPath(model, row));
  if (res?.status !== 200) return;
  const got: Row = res.body.data;
  if (!isDeepStrictEqual(got, row))
    state.log.add(key, "get", `${row.$id} differs from its list row: ${diff(row, got)}`);
  const sent = model.sent.get(row.$id);
  if (sent) checkReadBack(state, model, sent, got);
  checkDefaults(state, model, sent ?? {}, got);
}

function checkReadBack(
  state: CrawlState,
  model: CrawledModel,
  sent: Record<string, unknown>,
  got: Row,
): void {
  for (const [name, value] of Object.entries(sent)) {
    const field = findField(model.meta, name);
    if (!field) continue;
    let read = got[name];
    const expected = value;
    if (field.relation?.toMany) continue;
    if (field.kind === "relation") read = read?.$id ?? null;
    if (!isDeepStrictEqual(read, expected)) {
      state.log.add(
        model.meta.key,
        `readback:${name}`,
        `sent ${JSON.stringify(expected)}, read ${JSON.stringify(read)}`,
      );
    }
  }
}

/** A literal default must read back as the value it declares (a Json default as JSON, not as its text). */
function checkDefaults(
  state: CrawlState,
  model: CrawledModel,
  sent: Record<string, unknown>,
  got: Row,
): void {
  for (const field of model.meta.fields) {
    if (Object.hasOwn(sent, field.name) || field.default?.kind !== "literal" || field.isList) continue;
    const declared = field.default.value;
    let expected: unknown;
    if (field.type === "Json") expected = typeof declared === "string" ? JSON.parse(declared) : declared;
    else if (field.kind === "enum" || ["String", "Int", "Boolean", "Float"].includes(field.type))
      expected = declared;
    else continue;
    if (!isDeepStrictEqual(got[field.name], expected)) {
      state.log.add(
        model.meta.key,
        `default:${field.name}`,
        `declared ${JSON.stringify(expected)}, read ${JSON.stringify(got[field.name])}`,
      );
    }
  }
}

/** The title field of a to-one relation's target as the viewer sees it, when it is a plain field. */
function relatedTitle(state: CrawlState, field: FieldMeta): FieldMeta | undefined {
  if (field.kind !== "relation" || field.relation?.toMany) return undefined;
  const target = findModelByName(state.view, field.relation?.model ?? "");
  const title = target && findField(target, target.titleField);
  return title && title.kind !== "relation" ? title : undefined;
}

function ownValues(model: CrawledModel, row: Row): Row {
  const values: Row = { $id: row.$id, $label: row.$label, $version: row.$version };
  // Relations held by the other side (to-many counts, the back side of a one-to-one) change as records are added.
  for (const field of model.meta.fields) {
    if (!field.relation || field.relation.fromFields.length > 0) values[field.name] = row[field.name];
  }
  return values;
}

function diff(a: Row, b: Row): string {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys]
    .filter((name) => !isDeepStrictEqual(a[name], b[name]))
    .map((name) => `${name}: ${JSON.stringify(a[name])} vs ${JSON.stringify(b[name])}`)
    .join("; ")
    .slice(0, 300);
}
