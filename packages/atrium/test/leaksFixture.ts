/**
 * The permission probes' world (schemas/leaks.prisma): a few records whose texts are secrets to some roles, the
 * field rules that hide one side of a relation, and the roles that probe them. Shared by leaksCases.ts and
 * leakPairsCases.ts, which run on SQLite, PostgreSQL and MariaDB.
 */
import { fileURLToPath } from "node:url";
import type { FieldVisibilityConfig } from "@atrium/auth";
import { expect } from "vitest";
import type { ApiResponse } from "./apiResponse.js";
import { openTestApi, type TestApi, type TestProvider, type TestSession } from "./openTestApi.js";

export const leaksSchemaPath = fileURLToPath(new URL("./schemas/leaks.prisma", import.meta.url));

/** Texts only a role that may view their model may ever read. */
export const secret = {
  customerName: "Zebediah Quillfeather",
  customerEmail: "zebediah.quill@leaks.example",
  noteTitle: "Marigold private note",
  orderNumber: "ORD-SECRET-7",
  tagName: "Vermilion-tag",
  depotName: "Depot Cobalt",
  depotSite: "Northvault",
} as const;

/**
 * One side of a relation hidden, per role: an order's customer key from clerks (its relation goes with it),
 * a review's customer relation from moderators (its key goes with it), one column of a line's compound key to
 * its depot from clerks; and the only search field of tags from taggers.
 */
export const leakRules: FieldVisibilityConfig = {
  models: {
    order: { customerId: { hiddenFrom: ["clerk"] } },
    review: { customer: { hiddenFrom: ["moderator"] } },
    line: { depotSite: { hiddenFrom: ["clerk"] } },
    tag: { name: { hiddenFrom: ["tagger"] } },
  },
};

const all = (model: string) =>
  ["view", "add", "change", "delete"].map((action) => `model:${model}:${action}`);

/** Who probes what: every role may view some models and not others. */
export const leakRoles = {
  /** Orders and what hangs off them, but no customers, tags, depots or notes. */
  seller: { permissions: [...all("order"), ...all("line"), "model:subscription:view", "model:plan:view"] },
  /** Orders, lines and customers, with the order's customer and the line's depot hidden by field rules. */
  clerk: { permissions: [...all("order"), ...all("line"), "model:customer:view"], roles: ["clerk"] },
  /** Reviews and customers, with the review's customer hidden by a field rule. */
  moderator: { permissions: [...all("review"), "model:customer:view"], roles: ["moderator"] },
  /** Customers (and deleting them), but not the notes and orders that hang off them. */
  support: {
    permissions: [
      "model:customer:view",
      "model:customer:delete",
      "model:note:delete",
      "model:subscription:delete",
    ],
  },
  /** Tags, whose only search field is hidden from them. */
  tagger: { permissions: ["model:tag:view"], roles: ["tagger"] },
  /** Subscriptions only: labelled and searched through customers and plans they may not view. */
  subscriber: { permissions: ["model:subscription:view"] },
} satisfies Record<string, { permissions: string[]; roles?: string[] }>;

export type LeakRole = keyof typeof leakRoles;

export interface LeakWorld {
  api: TestApi;
  as: Record<LeakRole, TestSession>;
  /** Ids of the seeded records (database ids, which are also their `$id`s here). */
  ids: { customer: number; otherCustomer: number; order: number; review: number; plan: number };
  close(): Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: the generated client of leaks.prisma, untyped in tests.
async function seed(client: any) {
  const customer = await client.customer.create({
    data: { email: secret.customerEmail, name: secret.customerName },
  });
  const otherCustomer = await client.customer.create({ data: { email: "ada@leaks.example", name: "Ada" } });
  await client.note.create({ data: { title: secret.noteTitle, customerId: customer.id } });
  const tag = await client.tag.create({ data: { name: secret.tagName } });
  const order = await client.order.create({
    data: { number: secret.orderNumber, customerId: customer.id, tags: { connect: [{ id: tag.id }] } },
  });
  const review = await client.review.create({ data: { title: "Fine shop", customerId: customer.id } });
  const plan = await client.plan.create({ data: { name: "Gold plan" } });
  await client.subscription.create({ data: { customerId: customer.id, planId: plan.id } });
  await client.depot.create({ data: { code: "D1", site: secret.depotSite, name: secret.depotName } });
  await client.line.create({ data: { orderId: order.id, depotCode: "D1", depotSite: secret.depotSite } });
  return {
    customer: customer.id,
    otherCustomer: otherCustomer.id,
    order: order.id,
    review: review.id,
    plan: plan.id,
  };
}

export async function openLeakWorld(provider: TestProvider): Promise<LeakWorld> {
  let ids: LeakWorld["ids"] | undefined;
  const api = await openTestApi(leaksSchemaPath, {
    provider,
    seed: async (client) => {
      ids = await seed(client);
    },
    auth: { fields: leakRules },
  });
  const as = {} as Record<LeakRole, TestSession>;
  for (const [role, grant] of Object.entries(leakRoles)) {
    as[role as LeakRole] = await api.userSession(`${role}@leaks.test`, grant);
  }
  return { api, as, ids: ids as LeakWorld["ids"], close: () => api.close() };
}

/** Asserts none of `texts` is in any of the answers, naming the channel that leaked. */
export function expectNoneOf(answers: [string, ApiResponse][], texts: readonly string[]): void {
  for (const [channel, answer] of answers) {
    for (const text of texts) expect(answer.text, `${channel} sends '${text}'`).not.toContain(text);
  }
}

/** Every `{ $id, $label }` under `key` anywhere in a JSON value (relation cells of rows, conflict rows...). */
export function refsUnder(value: unknown, key: string): { $id: unknown; $label: unknown }[] {
  const found: { $id: unknown; $label: unknown }[] = [];
  const walk = (item: unknown) => {
    if (Array.isArray(item)) {
      for (const each of item) walk(each);
      return;
    }
    if (typeof item !== "object" || item === null) return;
    for (const [name, inner] of Object.entries(item)) {
      if (name === key && typeof inner === "object" && inner !== null && "$id" in inner) {
        found.push(inner as { $id: unknown; $label: unknown });
      }
      walk(inner);
    }
  };
  walk(value);
  return found;
}
