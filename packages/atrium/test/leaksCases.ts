/**
 * Nothing leaks across permissions or hidden fields: each class of leak, tried on every channel (leakChannels.ts)
 * by roles that may view one side of a relation and not the other (leaksFixture.ts). Shared by the SQLite suite
 * (leaks.test.ts), the PostgreSQL suite and the MariaDB suite: filters and searches are SQL of each database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiResponse, expectApiError, expectStatus } from "./apiResponse.js";
import { type ChannelSubject, callEveryChannel } from "./leakChannels.js";
import { expectNoneOf, type LeakWorld, openLeakWorld, refsUnder, secret } from "./leaksFixture.js";
import type { TestProvider, TestSession } from "./openTestApi.js";

// biome-ignore lint/suspicious/noExplicitAny: rows are JSON read back from the API.
type Row = any;

/** A record's label made of its id: the id's parts, as a derived label joins them. */
const idLabel = ($id: string) => $id.split(",").map(decodeURIComponent).join(" · ");

export function describeLeaks(provider: TestProvider): void {
  describe(`nothing leaks across permissions or hidden fields (leaks.prisma, ${provider})`, () => {
    let world: LeakWorld;
    let made = 0;
    beforeAll(async () => {
      world = await openLeakWorld(provider);
    }, 180_000);
    afterAll(async () => {
      await world?.close();
    });

    const created = async (model: string, body: Record<string, unknown>): Promise<string> => {
      const answer = await world.api.post(`/api/records/${model}`, body);
      expectStatus(answer, 201);
      return answer.body.data.$id;
    };
    const order = (): ChannelSubject => ({
      model: "order",
      fresh: () =>
        created("order", { number: `ORD-${provider}-${++made}`, customer: String(world.ids.customer) }),
      change: { memo: `memo ${made}` },
    });
    const line = (): ChannelSubject => ({
      model: "line",
      fresh: () => created("line", { order: String(world.ids.order), depot: `D1,${secret.depotSite}` }),
      change: { quantity: 3 },
    });
    const review = (): ChannelSubject => ({
      model: "review",
      fresh: () => created("review", { title: `Review ${++made}`, customer: String(world.ids.customer) }),
      change: { title: `Retitled ${made}` },
      create: () => ({ title: `By a moderator ${++made}` }),
    });

    describe("filtering or sorting through a model the role may not view", () => {
      /** The probe answers exactly as the same request naming a field that does not exist. */
      const expectLikeUnknown = async (path: string, real: string, twin: string) => {
        const probe = await world.as.seller.get(path);
        const unknown = await world.as.seller.get(path.replace(`.${real}`, `.${twin}`));
        const error = expectApiError(probe, 400, "bad_request");
        const unknownError = expectApiError(unknown, 400, "bad_request");
        expect(JSON.stringify(error).replaceAll(real, twin), path).toBe(JSON.stringify(unknownError));
      };

      it("refuses it on lists exactly like an unknown field: no prefix oracle", async () => {
        for (const [path, real] of [
          ["/api/records/order?filter.customer.email.startsWith=z", "email"],
          ["/api/records/order?filter.customer.name.eq=x", "name"],
          ["/api/records/order?sort=-customer.email", "email"],
          ["/api/records/order?filter.tags.name.contains=Verm", "name"],
          ["/api/records/order?filter.lines.depot.name.startsWith=Dep", "name"],
          ["/api/records/line?filter.depot.name.startsWith=Dep", "name"],
          ["/api/records/line?sort=order.customer.email", "email"],
        ] as const) {
          await expectLikeUnknown(path, real, "nosuchfield");
        }
        // Ids address records and stay usable: they are all a relation cell shows of such a record.
        const byId = await world.as.seller.get(
          `/api/records/order?filter.customer.id.eq=${world.ids.customer}`,
        );
        expectStatus(byId, 200);
        expect(byId.body.total).toBeGreaterThan(0);
      });

      it("never searches through it, on lists and look-ups (search paths)", async () => {
        const seller = world.as.seller;
        const word = secret.customerName.split(" ")[0] as string;
        const list = await seller.get(`/api/records/subscription?q=${word}`);
        expectStatus(list, 200);
        expect(list.body.total).toBe(0);
        expect((await seller.get(`/api/lookup/subscription?q=${word}`)).body.data).toEqual([]);
        // The visible part of the label is still searched.
        const byPlan = await seller.get("/api/lookup/subscription?q=gold");
        expect(byPlan.body.data).toHaveLength(1);
        const meta = (await seller.get("/api/meta")).body.models.find(
          (model: Row) => model.key === "subscription",
        );
        expect(meta.searchFields).toEqual(["plan.name"]);
      });
    });

    describe("labels of records of a model the role may not view", () => {
      it("are never sent on any channel: relation cells and pickers show the id", async () => {
        for (const subject of [order(), line()]) {
          const { answers } = await callEveryChannel(world.api, world.as.seller, subject);
          expectNoneOf(answers, [
            secret.customerName,
            secret.customerEmail,
            secret.tagName,
            secret.depotName,
          ]);
          for (const [channel, answer] of answers) {
            for (const key of ["customer", "depot"]) {
              for (const ref of refsUnder(answer.body, key)) {
                expect(ref.$label, `${channel} ${key}`).toBe(idLabel(String(ref.$id)));
              }
            }
          }
        }
        const connected = await world.as.seller.post("/api/records/order", {
          number: `ORD-${provider}-connected`,
          customer: String(world.ids.otherCustomer),
        });
        expectStatus(connected, 201);
        expect(connected.body.data.customer).toEqual({
          $id: String(world.ids.otherCustomer),
          $label: String(world.ids.otherCustomer),
        });
        const picked = await world.as.seller.get("/api/lookup/subscription");
        expect(picked.body.data).toEqual([
          { $id: `${world.ids.customer},${world.ids.plan}`, $label: `${world.ids.customer} · Gold plan` },
        ]);
      });

      it("show on the next request once the role may view the model (views follow permissions)", async () => {
        const email = `late-viewer-${provider}@leaks.test`;
        const session = await world.api.userSession(email, { permissions: ["model:order:view"] });
        const path = `/api/records/order/${world.ids.order}`;
        expect((await session.get(path)).body.data.customer.$label).toBe(String(world.ids.customer));
        const role = (await world.api.authStore.listRoles()).find((each) => each.name === `role of ${email}`);
        await world.api.authStore.setRolePermissions(role?.id ?? "", [
          "model:order:view",
          "model:customer:view",
        ]);
        expect((await session.get(path)).body.data.customer.$label).toBe(secret.customerName);
      });

      it("are never sent in a delete preview nor in the refusal of a restricted delete", async () => {
        const path = `/api/records/customer/${world.ids.customer}`;
        const preview = await world.as.support.get(`${path}/delete-preview`);
        expectStatus(preview, 200);
        const groups = [...preview.body.data.cascades, ...preview.body.data.blockers];
        expect(groups.map((group: Row) => group.model).sort()).toEqual(["note", "order", "subscription"]);
        const refused = await world.as.support.delete(path);
        const error = expectApiError(refused, 409, "delete_restricted");
        const details = error.details as Row;
        for (const [channel, shown] of [
          ["preview", groups],
          ["refusal", [...details.cascades, ...details.blockers]],
        ] as const) {
          const examples = shown.flatMap((group: Row) => group.examples);
          expect(examples.length, channel).toBeGreaterThan(0);
          for (const example of examples) expect(example, channel).toMatch(/^[\d ·]+$/);
        }
        expectNoneOf(
          [
            ["preview", preview],
            ["refusal", refused],
          ],
          [secret.noteTitle, secret.orderNumber, "Gold plan"],
        );
      });
    });

    describe("a hidden foreign key and its relation are one secret", () => {
      const keysOf = (answers: [string, ApiResponse][], names: string[]) =>
        answers
          // Meta and counts name models, not record fields.
          .filter(([channel]) => channel !== "meta" && channel !== "counts")
          .flatMap(([channel, answer]) =>
            names.filter((name) => answer.text.includes(`"${name}":`)).map((name) => `${channel}: ${name}`),
          );

      it("hides the relation of a hidden key, and the key of a hidden relation, on every channel", async () => {
        const clerkOrders = await callEveryChannel(world.api, world.as.clerk, order());
        expect(keysOf(clerkOrders.answers, ["customerId", "customer"])).toEqual([]);
        // A compound key: hiding one column hides the relation and the other column.
        const clerkLines = await callEveryChannel(world.api, world.as.clerk, {
          ...line(),
          create: undefined,
        });
        expect(keysOf(clerkLines.answers, ["depotSite", "depotCode", "depot"])).toEqual([]);
        expectNoneOf(clerkLines.answers, [secret.depotSite]);
        const moderated = await callEveryChannel(world.api, world.as.moderator, review());
        expect(keysOf(moderated.answers, ["customerId", "customer"])).toEqual([]);
      });

      it("refuses to filter or sort by either side, and hides the other end of the relation", async () => {
        const { clerk, moderator } = world.as;
        for (const [session, path] of [
          [clerk, `/api/records/order?filter.customerId.eq=${world.ids.customer}`],
          [clerk, `/api/records/order?filter.customer.eq=${world.ids.customer}`],
          [clerk, `/api/records/order?filter.customer.id.eq=${world.ids.customer}`],
          [clerk, "/api/records/order?sort=customerId"],
          [clerk, "/api/records/line?filter.depotCode.eq=D1"],
          [clerk, `/api/records/line?filter.depot.eq=D1,${secret.depotSite}`],
          [clerk, `/api/records/customer?filter.orders.eq=${world.ids.order}`],
          [moderator, `/api/records/review?filter.customerId.eq=${world.ids.customer}`],
          [moderator, "/api/records/review?filter.customerId.isNull=true"],
          [moderator, `/api/records/customer?filter.reviews.eq=${world.ids.review}`],
        ] as const) {
          expectApiError(await session.get(path), 400, "bad_request");
        }
        const fields = async (session: typeof clerk, key: string) =>
          (await session.get("/api/meta")).body.models
            .find((model: Row) => model.key === key)
            .fields.map((field: Row) => field.name);
        expect(await fields(clerk, "order")).not.toContain("customerId");
        expect(await fields(clerk, "order")).not.toContain("customer");
        expect(await fields(clerk, "customer")).not.toContain("orders");
        expect(await fields(moderator, "review")).not.toContain("customerId");
        expect(await fields(moderator, "customer")).not.toContain("reviews");
        for (const [session, key, name] of [
          [clerk, "customer", "orders"],
          [moderator, "customer", "reviews"],
        ] as const) {
          const rows = (await session.get(`/api/records/${key}`)).body.data;
          expect(rows.length).toBeGreaterThan(0);
          for (const row of rows) expect(row).not.toHaveProperty(name);
        }
      });
    });

    describe("every answer that carries a record goes through the same visibility filter as GET", () => {
      it("carries the $version the role's own GET gives, on every channel", async () => {
        for (const [role, subject] of [
          ["seller", order()],
          ["clerk", order()],
          ["clerk", { ...line(), create: undefined }],
          ["moderator", review()],
        ] as const) {
          const { versions } = await callEveryChannel(world.api, world.as[role], subject);
          for (const [channel, sent, read] of versions) {
            expect(sent, `${role} ${subject.model} ${channel}`).toBe(read);
          }
          expect(versions.length).toBeGreaterThanOrEqual(7);
        }
      });
    });

    describe("an API token of a role", () => {
      /** A read-write token of the role's user, used as a script uses it: Bearer, no cookie. */
      const tokenOf = async (role: TestSession) => {
        const expiresAt = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000).toISOString();
        const created = await role.post("/api/tokens", { name: `probe ${++made}`, expiresAt });
        expectStatus(created, 201);
        return world.api.tokenSession(created.body.token);
      };

      it("leaks nothing its user's session may not see, on every channel", async () => {
        const seller = await tokenOf(world.as.seller);
        for (const subject of [order(), line()]) {
          const { answers, versions } = await callEveryChannel(world.api, seller, subject);
          expectNoneOf(answers, [
            secret.customerName,
            secret.customerEmail,
            secret.tagName,
            secret.depotName,
          ]);
          for (const [channel, answer] of answers) {
            for (const ref of refsUnder(answer.body, "customer")) {
              expect(ref.$label, `token ${channel}`).toBe(idLabel(String(ref.$id)));
            }
          }
          for (const [channel, sent, read] of versions) expect(sent, `token ${channel}`).toBe(read);
        }
        for (const path of ["/api/records/customer", `/api/records/customer/${world.ids.customer}`]) {
          expectApiError(await seller.get(path), 403, "forbidden");
        }
        expectApiError(await seller.get("/api/lookup/customer"), 403, "forbidden");
        expect(Object.keys((await seller.get("/api/counts")).body.data)).not.toContain("customer");
        const clerk = await tokenOf(world.as.clerk);
        const { answers } = await callEveryChannel(world.api, clerk, order());
        const keyed = answers.filter(
          ([channel, answer]) =>
            channel !== "meta" && channel !== "counts" && /"(customerId|customer)":/.test(answer.text),
        );
        expect(keyed.map(([channel]) => channel)).toEqual([]);
      });
    });

    describe("a search whose every field is hidden", () => {
      it("is refused with 400 naming q, on lists and look-ups", async () => {
        for (const [session, key] of [
          [world.as.tagger, "tag"],
          [world.as.subscriber, "subscription"],
        ] as const) {
          for (const path of [`/api/records/${key}?q=a`, `/api/lookup/${key}?q=a`]) {
            const error = expectApiError(await session.get(path), 400, "bad_request", ["q"]);
            expect(error.fields?.q, path).toMatch(/hidden from you/);
          }
          expectStatus(await session.get(`/api/records/${key}`), 200);
          expectStatus(await session.get(`/api/lookup/${key}`), 200);
        }
      });
    });
  });
}
