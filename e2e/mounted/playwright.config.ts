import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { mountedPorts } from "./ports.js";

const debianChromium = "/usr/bin/chromium";

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
    launchOptions: {
      // Playwright's own browser download cannot work offline: Debian's Chromium (scripts/ensure-chromium.sh).
      executablePath: existsSync(debianChromium) ? debianChromium : undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
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
