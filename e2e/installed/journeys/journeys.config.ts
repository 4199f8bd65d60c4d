import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "../../support/chromium.js";
import { journeys } from "./journeySchemas.js";

const last = journeys[journeys.length - 1];

/** docs/getting-started.md on three schemas, in the browser, with Atrium as installed (serveJourneys.ts). */
export default defineConfig({
  testDir: ".",
  testMatch: "journeys.spec.ts",
  // Playwright ends the servers without letting them clean up: the databases are dropped here.
  globalTeardown: "./dropJourneyDatabases.ts",
  outputDir: "../../../test-results/journeys",
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "tsx --conditions=@atrium/source e2e/installed/journeys/serveJourneys.ts",
    cwd: "../../..",
    // The servers start one after the other: the last one answering means all do.
    url: `http://127.0.0.1:${last?.port}/healthz`,
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: "pipe",
  },
});
