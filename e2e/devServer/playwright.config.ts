import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const debianChromium = "/usr/bin/chromium";

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
});
