/** The schema zoo crawled on MySQL/MariaDB (see zooCases.ts); skipped, with a visible message, when it does not answer. */
import { databaseIsReachable } from "@atrium/prisma/testing";
import { describe } from "vitest";
import { describeZoo } from "./zooCases.js";

const reachable = await databaseIsReachable("mysql");
if (!reachable)
  console.warn("MySQL/MariaDB is not reachable on 127.0.0.1:3306: the zoo crawl on it is skipped");

describe.skipIf(!reachable)("on MySQL/MariaDB", () => {
  describeZoo("mysql", ["auth", "saas", "shapes", "scalars", "mysql"]);
});
