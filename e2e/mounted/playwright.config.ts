import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "../support/chromium.js";
import { mountedPorts } from "./ports.js";

/**
 * The demo's admin mounted under /admin of another server (serveMounted.ts), from Atrium's sources, over a small
 * database of its own: no demo seed to wait for. Run by `npm run test:e2e` after the demo's specs.
 */
export default defineConfig({
  testDir: ".",
  testMatch: "mounted.spec.ts",
  outputDir: "../../test-results/mounted",
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
    command: "tsx --conditions=@atrium/source e2e/mounted/serveMounted.ts",
    cwd: "../..",
    // Both hosts listen once the admin is made; the second answering means both do.
    url: `http://127.0.0.1:${mountedPorts.hono}/admin/healthz`,
    // A push, a small seed and a build: under a minute, more on a busy machine.
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
  },
});
