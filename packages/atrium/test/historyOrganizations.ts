/** Organisations for the history suites: each with a slug of its own, and its history as the API lists it. */
import { expectStatus } from "./apiResponse.js";
import type { TestApi } from "./openTestApi.js";

// biome-ignore lint/suspicious/noExplicitAny: rows are JSON read back from the API.
type Row = any;

/** `prefix` keeps slugs apart between suites that share a database. */
export function organizationHelpers(api: () => TestApi, prefix: string) {
  let slugs = 0;
  return {
    async createOrg(name: string): Promise<Row> {
      slugs += 1;
      const res = await api().post("/api/records/organization", { name, slug: `${prefix}-org-${slugs}` });
      expectStatus(res, 201);
      return res.body.data;
    },
    async historyOf(row: Row): Promise<Row[]> {
      const res = await api().get(`/api/records/organization/${row.$id}/history`);
      expectStatus(res, 200);
      return res.body.data;
    },
    /** A name no other row of this suite has. */
    uniqueName: (name: string) => `${prefix}-${name}-${slugs}`,
  };
}
