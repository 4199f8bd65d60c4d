import { type APIRequestContext, type APIResponse, expect } from "@playwright/test";
import type { DeletePreview, SchemaMeta } from "../../packages/core/src/index.js";

/** A record as the API answers it: `$id`, `$label`, then the model's fields. */
export interface ApiRow {
  $id: string;
  $label: string;
  [field: string]: unknown;
}

export interface RecordRef {
  $id: string;
  $label: string;
  /** Text a relation picker finds this record by, when its label is not (a label may join several fields). */
  search?: string;
}

const seg = encodeURIComponent;

async function json<T>(response: APIResponse, what: string): Promise<T> {
  if (!response.ok()) {
    throw new Error(`${what} answered ${response.status()}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}

/** Test set-up and checks through Atrium's REST API (docs/api.md), over Playwright's `request` fixture. */
export class AtriumApi {
  private metaPromise?: Promise<SchemaMeta>;

  constructor(readonly request: APIRequestContext) {}

  meta(): Promise<SchemaMeta> {
    this.metaPromise ??= this.request
      .get("/api/meta")
      .then((response) => json<SchemaMeta>(response, "GET /api/meta"));
    return this.metaPromise;
  }

  async create(modelKey: string, body: Record<string, unknown>): Promise<ApiRow> {
    const response = await this.request.post(`/api/records/${seg(modelKey)}`, { data: body });
    return (await json<{ data: ApiRow }>(response, `POST /api/records/${modelKey}`)).data;
  }

  async get(modelKey: string, id: string): Promise<ApiRow> {
    const response = await this.request.get(`/api/records/${seg(modelKey)}/${seg(id)}`);
    return (await json<{ data: ApiRow }>(response, `GET /api/records/${modelKey}/${id}`)).data;
  }

  /** The HTTP status of reading one record: 404 once it is deleted. */
  async status(modelKey: string, id: string): Promise<number> {
    return (await this.request.get(`/api/records/${seg(modelKey)}/${seg(id)}`)).status();
  }

  async update(modelKey: string, id: string, body: Record<string, unknown>): Promise<ApiRow> {
    const response = await this.request.patch(`/api/records/${seg(modelKey)}/${seg(id)}`, { data: body });
    return (await json<{ data: ApiRow }>(response, `PATCH /api/records/${modelKey}/${id}`)).data;
  }

  async list(modelKey: string, params: Record<string, string | number> = {}): Promise<ApiRow[]> {
    const query = new URLSearchParams(Object.entries(params).map(([name, value]) => [name, String(value)]));
    const response = await this.request.get(`/api/records/${seg(modelKey)}?${query}`);
    return (await json<{ data: ApiRow[] }>(response, `GET /api/records/${modelKey}`)).data;
  }

  async lookup(modelKey: string, q = ""): Promise<RecordRef[]> {
    const response = await this.request.get(`/api/lookup/${seg(modelKey)}?q=${seg(q)}`);
    return (await json<{ data: RecordRef[] }>(response, `GET /api/lookup/${modelKey}`)).data;
  }

  async deletePreview(modelKey: string, id: string): Promise<DeletePreview> {
    const response = await this.request.get(`/api/records/${seg(modelKey)}/${seg(id)}/delete-preview`);
    return (await json<{ data: DeletePreview }>(response, "GET delete-preview")).data;
  }

  /** Deletes one record; answers the HTTP status (204, or 404 when it was already gone). */
  async remove(modelKey: string, id: string): Promise<number> {
    return (await this.request.delete(`/api/records/${seg(modelKey)}/${seg(id)}`)).status();
  }

  async expectGone(modelKey: string, id: string): Promise<void> {
    expect(await this.status(modelKey, id), `${modelKey} ${id} should be deleted`).toBe(404);
  }
}
