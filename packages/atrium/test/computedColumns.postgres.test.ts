import { databaseIsReachable } from "@atrium/prisma/testing";
import { describe } from "vitest";
import { describeComputedColumns } from "./computedColumnsCases.js";

describe.skipIf(!(await databaseIsReachable("postgresql")))("on PostgreSQL", () => {
  describeComputedColumns("postgresql");
});
