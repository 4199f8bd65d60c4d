/** The schema zoo crawled on PostgreSQL (see zooCases.ts); skipped, with a visible message, when it does not answer. */
import { databaseIsReachable } from "@atrium/prisma/testing";
import { describe } from "vitest";
import { describeZoo } from "./zooCases.js";

const reachable = await databaseIsReachable("postgresql");
if (!reachable) console.warn("PostgreSQL is not reachable on 127.0.0.1:5432: the zoo crawl on it is skipped");

describe.skipIf(!reachable)("on PostgreSQL", () => {
  describeZoo("postgresql", ["auth", "saas", "shapes", "scalars", "postgres", "extensions"]);
});
