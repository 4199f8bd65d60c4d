import { databaseIsReachable } from "@atrium/prisma/testing";
import { describe } from "vitest";
import { describeInlines } from "./inlinesCases.js";

const reachable = await databaseIsReachable("postgresql");
if (!reachable) console.warn("PostgreSQL is not reachable on 127.0.0.1:5432: its inline tests are skipped");

describe.skipIf(!reachable)("on PostgreSQL", () => {
  describeInlines("postgresql");
});
