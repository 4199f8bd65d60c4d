/** Every model of the shape schemas and of the PostgreSQL zoo (native types, scalar lists, two schemas) generated on PostgreSQL. */
import { databaseIsReachable } from "@atrium/prisma/testing";
import { describe, expect, it } from "vitest";
import { generateEverything, openSchema } from "./generateEverything.js";

const reachable = await databaseIsReachable("postgresql");

describe.skipIf(!reachable).each(["zoo/shapes", "keys", "zoo/postgres"])(
  "every model of %s on PostgreSQL",
  (name) => {
    it("gets 20 rows", async () => {
      const generated = await generateEverything(await openSchema(name, "postgresql"), 20, 1);
      try {
        expect(generated.result.steps.every((step) => step.skipped === 0)).toBe(true);
        for (const [model, count] of generated.counts) {
          if (!generated.notGenerated.some((reason) => reason.startsWith(`${model}.`)))
            expect(count, model).toBe(20);
        }
      } finally {
        await generated.db.close();
      }
    });
  },
);
