import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "../support/chromium.js";

const port = Number(process.env.E2E_INSTALLED_PORT ?? 4183);

/**
 * Atrium as a project installs it: packed, installed into a scratch project (prepareProject.ts), built and
 * served by the project's own `atrium` command. Run by `npm test` after the demo's browser tests.
 */
export default defineConfig({
  testDir: ".",
  // journeys/ has servers of its own (journeys/journeys.config.ts).
  testMatch: "installed.spec.ts",
  outputDir: "../../test-results/installed",
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    extraHTTPHeaders: { origin: `http://127.0.0.1:${port}` },
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: `tsx e2e/installed/prepareProject.ts && cd .data/installed-project && npx atrium serve --port ${port}`,
    cwd: "../..",
    url: `http://127.0.0.1:${port}/healthz`,
    // Packing, an npm install and a build: minutes on a busy machine.
    timeout: 900_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
  },
});
