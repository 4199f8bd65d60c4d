import { defaultClientConditions, defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // Workspace packages point at their TypeScript sources under this condition (package.json "exports").
  resolve: { conditions: ["@atrium/source", ...defaultClientConditions] },
  ssr: { resolve: { conditions: ["@atrium/source", ...defaultServerConditions] } },
  test: {
    include: [
      "prisma/**/*.test.ts",
      "packages/*/src/**/*.test.ts",
      // Component tests, each in a jsdom environment of its own (`// @vitest-environment jsdom`).
      "packages/*/src/**/*.test.tsx",
      "packages/*/test/**/*.test.ts",
      // The examples of docs/extending.md, run (docs/examples/extendingDoc.test.ts says how).
      "docs/examples/**/*.test.ts",
      "docs/examples/**/*.test.tsx",
    ],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
