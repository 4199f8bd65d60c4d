import { existsSync } from "node:fs";
import type { LaunchOptions } from "@playwright/test";

/** Debian's Chromium (installed by scripts/ensure-chromium.sh): Playwright's own download cannot work offline. */
const debianChromium = "/usr/bin/chromium";

/** How every browser suite of the repository launches Chromium, quiet and without network chatter. */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: existsSync(debianChromium) ? debianChromium : undefined,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};
