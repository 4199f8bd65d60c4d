/** Every model of the shape schemas and of the MySQL zoo (unsigned and sized numbers, sized text and bytes) generated on MariaDB. */
import { databaseIsReachable } from "@atrium/prisma/testing";
import { describe, expect, it } from "vitest";
import { generateEverything, openSchema } from "./generateEverything.js";

const reachable = await databaseIsReachable("mysql");

describe.skipIf(!reachable).each(["zoo/shapes", "keys", "zoo/mysql"])(
  "every model of %s on MariaDB",
  (name) => {
    it("gets 20 rows", async () => {
      const generated = await generateEverything(await openSchema(name, "mysql"), 20, 1);
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
