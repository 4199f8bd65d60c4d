import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "prisma/**/*.test.ts",
      "packages/*/src/**/*.test.ts",
      // Component tests, each in a jsdom environment of its own (`// @vitest-environment jsdom`).
      "packages/*/src/**/*.test.tsx",
      "packages/*/test/**/*.test.ts",
      "apps/*/src/**/*.test.ts",
      "apps/*/test/**/*.test.ts",
    ],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
