import { databaseIsReachable } from "@atrium/prisma/testing";
import { describe } from "vitest";
import { describeInlines } from "./inlinesCases.js";

const reachable = await databaseIsReachable("mysql");
if (!reachable) console.warn("MariaDB is not reachable on 127.0.0.1:3306: its inline tests are skipped");

describe.skipIf(!reachable)("on MariaDB", () => {
  describeInlines("mysql");
});
