import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "../support/chromium.js";

/**
 * `atrium dev` on a small project of its own (devProject.ts). The spec starts the server itself: it edits the
 * project's files while the server runs and reads what the server prints. Run by `npm run test:e2e`.
 */
export default defineConfig({
  testDir: ".",
  testMatch: "devServer.spec.ts",
  outputDir: "../../test-results/dev-server",
  workers: 1,
  retries: 0,
  // Vite compiles the admin from sources on the first page load: slow on a busy machine.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [["list"]],
  use: {
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
});
