import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/support/chromium.js";

const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: "e2e",
  // These have configs and servers of their own: the installed project (e2e/installed/playwright.config.ts),
  // the admin mounted in another server (e2e/mounted/) and `atrium dev` (e2e/devServer/).
  testIgnore: ["installed/**", "mounted/**", "devServer/**"],
  // Signs in as the demo account once; every project starts signed in (auth.spec.ts signs out on its own).
  globalSetup: "./e2e/globalSetup.ts",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    storageState: ".data/e2e-storage-state.json",
    // API calls of the tests are writes from the admin's own origin, as the browser's are (CSRF guard).
    extraHTTPHeaders: { origin: `http://127.0.0.1:${port}` },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    // A fresh seeded database per run, so that every test starts from the same known content.
    command: `rm -f .data/e2e.db* && ATRIUM_DEMO_DB=.data/e2e.db npm run --silent demo -- --port ${port}`,
    url: `http://127.0.0.1:${port}/healthz`,
    // Seeding, building the admin with the demo's page, and starting: a few minutes on a busy machine.
    timeout: 360_000,
    reuseExistingServer: false,
    stdout: "pipe",
  },
});
