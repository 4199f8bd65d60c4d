/**
 * `npm run bench:browser`: how long a list of 100 rows takes to appear in Debian's Chromium, measured against a
 * running demo (`npm run demo`; URL from ATRIUM_URL, default http://127.0.0.1:4000). Prints a Markdown table for
 * docs/benchmarks.md. Each run opens `/m/{key}?perPage=100` with a warm server and reports the time from
 * navigation start until 100 rows are in the table (React render included), median of 9 runs.
 */
import { chromium } from "@playwright/test";

const baseUrl = process.env.ATRIUM_URL ?? "http://127.0.0.1:4000";
const account = { email: "admin@demo.atrium", password: "atrium-demo-password" };
const models = ["book", "order", "order-item", "review"];
const runs = 9;

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 } });
const signIn = await context.request.post("/api/auth/login", { data: account, headers: { origin: baseUrl } });
if (!signIn.ok()) throw new Error(`Signing in answered ${signIn.status()}`);
const page = await context.newPage();

const rows: string[] = [];
for (const key of models) {
  const timings: number[] = [];
  for (let run = 0; run < runs + 1; run += 1) {
    const started = Date.now();
    await page.goto(`/m/${key}?perPage=100`);
    await page.locator("tbody tr").nth(99).waitFor();
    // The first run warms the HTTP cache and the server; it is not counted.
    if (run > 0) timings.push(Date.now() - started);
  }
  timings.sort((a, b) => a - b);
  rows.push(`| /m/${key}?perPage=100, 100 rows visible | ${timings[Math.floor(timings.length / 2)]} ms |`);
}
await browser.close();
console.log(`| page | median |\n| --- | --- |\n${rows.join("\n")}`);
