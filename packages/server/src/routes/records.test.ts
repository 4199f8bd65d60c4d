import {
  encodeRecordId,
  type IdValues,
  type ListQuery,
  type StoredRow,
  type WriteContext,
  type WriteData,
} from "@atrium/core";
import { describe, expect, it } from "vitest";
import { fakeDataSource } from "../testing/fakeDataSource.js";
import { schemaFixture } from "../testing/schemaFixture.js";
import { jsonRequest, testApp } from "../testing/testApp.js";

const schema = schemaFixture();
const bookModel = schema.models[1];
const lineModel = schema.models[2];
if (!bookModel || !lineModel) throw new Error("fixture changed");

const dune = { id: 1, title: "Dune", pages: 412, authorId: 7, author: { id: 7, name: "Frank Herbert" } };

describe("GET /api/records/{key}", () => {
  it("lists a page of serialized rows with the total and the page it answered", async () => {
    let received: ListQuery | undefined;
    const { app } = testApp(
      fakeDataSource({
        list: async (model, query) => {
          expect(model.key).toBe("book");
          received = query;
          return { rows: [dune], total: 41, totalIsEstimate: false };
        },
      }),
    );
    const res = await app.request(
      "/api/records/book?page=2&perPage=10&sort=-title&q=%20dune%20&filter.pages.gte=100",
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ total: 41, totalIsEstimate: false, page: 2, perPage: 10 });
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({
      $id: encodeRecordId(bookModel, { id: 1 }),
      $label: "Dune",
      title: "Dune",
      author: { $id: encodeRecordId(schema.models[0] ?? bookModel, { id: 7 }), $label: "Frank Herbert" },
    });
    expect(received?.page).toBe(2);
    expect(received?.perPage).toBe(10);
    expect(received?.sort[0]).toEqual({ path: ["title"], direction: "desc" });
    expect(received?.search).toBe("dune");
    expect(received?.filters).toEqual([{ path: ["pages"], op: "gte", value: 100 }]);
  });

  it("clamps perPage to maxPerPage", async () => {
    let received: ListQuery | undefined;
    const { app } = testApp(
      fakeDataSource({
        list: async (_model, query) => {
          received = query;
          return { rows: [], total: null, totalIsEstimate: true };
        },
      }),
      { maxPerPage: 50 },
    );
    const res = await app.request("/api/records/book?perPage=500");
    expect(res.status).toBe(200);
    expect(received?.perPage).toBe(50);
    expect(await res.json()).toMatchObject({ data: [], total: null, totalIsEstimate: true, perPage: 50 });
  });

  it("rejects a filter on an unknown field with a 4xx naming it, without calling the database", async () => {
    const { app } = testApp();
    const res = await app.request("/api/records/book?filter.nope.eq=1");
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const body = await res.json();
    expect(body.error.code).toMatch(/bad_request|validation_failed/);
    expect(JSON.stringify(body.error.fields ?? body.error.message)).toContain("nope");
  });

  it("answers an unknown model key with 404 unknown_model and a close suggestion", async () => {
    const { app } = testApp();
    const typo = await app.request("/api/records/bok");
    expect(typo.status).toBe(404);
    const body = await typo.json();
    expect(body.error.code).toBe("unknown_model");
    expect(body.error.message).toContain("did you mean 'book'?");
    const byName = await app.request("/api/records/OrderLine/x");
    expect((await byName.json()).error.message).toContain("did you mean 'order-line'?");
    const far = await (await app.request("/api/records/zzzzzzzz")).json();
    expect(far.error.message).not.toContain("did you mean");
    expect(far.error.message).not.toContain("author");
  });
});

describe("GET /api/records/{key}/{id}", () => {
  it("answers the serialized record", async () => {
    const { app } = testApp(
      fakeDataSource({
        get: async (model, id) => {
          expect(model.key).toBe("book");
          expect(id).toEqual({ id: 1 });
          return dune;
        },
      }),
    );
    const res = await app.request(
      `/api/records/book/${encodeURIComponent(encodeRecordId(bookModel, { id: 1 }))}`,
    );
    expect(res.status).toBe(200);
    expect((await res.json()).data).toMatchObject({ $label: "Dune", title: "Dune", pages: 412 });
  });

  it("answers 404 not_found when no record has the id", async () => {
    const { app } = testApp(fakeDataSource({ get: async () => null }));
    const res = await app.request("/api/records/book/99");
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body.error.code).toBe("not_found");
    expect(body.error.message).toContain("99");
  });

  it("answers 400 to an id that cannot belong to the model, without calling the database", async () => {
    const { app } = testApp();
    for (const path of ["/api/records/book/twelve", "/api/records/order-line/only-one-part"]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(400);
      expect((await res.json()).error.code).toBe("bad_request");
    }
  });

  it("round-trips compound ids whose parts contain ',' and '%2C'", async () => {
    const values: IdValues = { orderCode: "A,1", sku: "x%2Cy/z %25" };
    const seen: IdValues[] = [];
    const { app } = testApp(
      fakeDataSource({
        get: async (_model, id) => {
          seen.push(id);
          return { ...id, quantity: 3 };
        },
        deletePreview: async (_model, id) => {
          seen.push(id);
          return { cascades: [], setNull: [], blockers: [], canDelete: true };
        },
      }),
    );
    const $id = encodeRecordId(lineModel, values);
    const res = await app.request(`/api/records/order-line/${encodeURIComponent($id)}`);
    expect(res.status).toBe(200);
    expect((await res.json()).data.$id).toBe($id);
    await app.request(`/api/records/order-line/${encodeURIComponent($id)}/delete-preview`);
    expect(seen).toEqual([values, values]);
  });
});

describe("POST /api/records/{key}", () => {
  it("creates from decoded data and answers 201 with the record", async () => {
    let written: WriteData | undefined;
    const { app } = testApp(
      fakeDataSource({
        create: async (_model, data) => {
          written = data;
          return dune;
        },
      }),
    );
    const res = await app.request(
      "/api/records/book",
      jsonRequest("POST", { title: "Dune", pages: 412, authorId: 7 }),
    );
    expect(res.status).toBe(201);
    expect((await res.json()).data).toMatchObject({ $label: "Dune", title: "Dune" });
    expect(written?.scalars).toMatchObject({ title: "Dune", pages: 412 });
  });

  it("builds the answer before the write commits, so a row it cannot answer with is not kept", async () => {
    // A fake transaction: the row is kept only when the answer was built without an error.
    const kept: string[] = [];
    // create(model, data, context) and update(model, id, data, context): the context comes last.
    const write =
      (row: StoredRow) =>
      async (...args: unknown[]) => {
        (args.at(-1) as WriteContext | undefined)?.beforeCommit?.(row);
        kept.push(String(row.title));
        return row;
      };
    const broken = { ...dune, title: "Broken", author: "not a related record" };
    const { app, logged } = testApp(fakeDataSource({ create: write(broken), update: write(broken) }));
    const body = { title: "Broken", pages: 1, authorId: 7 };
    const created = await app.request("/api/records/book", jsonRequest("POST", body));
    const updated = await app.request("/api/records/book/1", jsonRequest("PATCH", { title: "Broken" }));
    expect([created.status, updated.status]).toEqual([500, 500]);
    expect(kept).toEqual([]);
    expect(logged).toHaveLength(2);

    const { app: working } = testApp(fakeDataSource({ create: write(dune) }));
    const res = await working.request("/api/records/book", jsonRequest("POST", { ...body, title: "Dune" }));
    expect(res.status).toBe(201);
    expect((await res.json()).data).toMatchObject({ $label: "Dune", author: { $label: "Frank Herbert" } });
    expect(kept).toEqual(["Dune"]);
  });

  it("answers 400 invalid_json to malformed or empty JSON", async () => {
    const { app } = testApp();
    for (const body of ['{"title": ', ""]) {
      const res = await app.request("/api/records/book", jsonRequest("POST", body));
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe("invalid_json");
    }
  });

  it("answers 415 to bodies that are not declared as JSON", async () => {
    const { app } = testApp();
    const bytes = new TextEncoder().encode('{"title":"x"}');
    const cases: [Record<string, string>, BodyInit][] = [
      [{ "Content-Type": "text/plain" }, '{"title":"x"}'],
      [{ "Content-Type": "application/x-www-form-urlencoded" }, "title=x"],
      [{}, bytes],
    ];
    for (const [headers, body] of cases) {
      const res = await app.request("/api/records/book", { method: "POST", headers, body });
      expect(res.status).toBe(415);
      expect((await res.json()).error.code).toBe("unsupported_media_type");
    }
  });

  it("answers 413 to bodies over maxBodyBytes, declared or streamed", async () => {
    const { app } = testApp(fakeDataSource(), { maxBodyBytes: 100 });
    const big = JSON.stringify({ title: "x".repeat(200) });
    const declared = await app.request("/api/records/book", jsonRequest("POST", big));
    expect(declared.status).toBe(413);
    expect((await declared.json()).error.code).toBe("payload_too_large");
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const streamed = await app.request("/api/records/book", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await streamed.json()).error.code).toBe("payload_too_large");
  });

  it("answers invalid field values with a 4xx naming the field, without calling the database", async () => {
    const { app } = testApp();
    const res = await app.request("/api/records/book", jsonRequest("POST", { title: "Dune", pages: "many" }));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect((await res.json()).error.fields).toHaveProperty("pages");
  });
});

describe("PATCH and DELETE /api/records/{key}/{id}", () => {
  it("updates only the fields sent", async () => {
    let written: WriteData | undefined;
    const { app } = testApp(
      fakeDataSource({
        update: async (_model, id, data) => {
          expect(id).toEqual({ id: 1 });
          written = data;
          return { ...dune, pages: 500 };
        },
      }),
    );
    const res = await app.request("/api/records/book/1", jsonRequest("PATCH", { pages: 500 }));
    expect(res.status).toBe(200);
    expect((await res.json()).data).toMatchObject({ pages: 500 });
    expect(written?.scalars).toEqual({ pages: 500 });
  });

  it("answers 415 to a PATCH that is not JSON", async () => {
    const { app } = testApp();
    const res = await app.request("/api/records/book/1", { method: "PATCH", body: "pages=500" });
    expect(res.status).toBe(415);
  });

  it("deletes and answers 204 with no body", async () => {
    const deleted: IdValues[] = [];
    const { app } = testApp(
      fakeDataSource({
        delete: async (_model, id) => {
          deleted.push(id);
        },
      }),
    );
    const res = await app.request("/api/records/book/1", { method: "DELETE" });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    expect(deleted).toEqual([{ id: 1 }]);
  });
});

describe("GET /api/records/{key}/{id}/delete-preview", () => {
  it("answers what a delete would take with it", async () => {
    const preview = {
      cascades: [{ model: "book", label: "Books", via: "author", count: 2, examples: ["Dune", "Emma"] }],
      setNull: [],
      blockers: [],
      canDelete: true,
    };
    const { app } = testApp(fakeDataSource({ deletePreview: async () => preview }));
    const res = await app.request("/api/records/author/7/delete-preview");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: preview });
  });
});
