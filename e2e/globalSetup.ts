import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { type FullConfig, request } from "@playwright/test";

/** Where the signed-in session of the demo account is kept for every project (playwright.config.ts). */
export const storageStatePath = ".data/e2e-storage-state.json";

/** The demo's account (prisma/demo.ts, README). */
export const demoAccount = { email: "admin@demo.atrium", password: "atrium-demo-password" } as const;

/** Signs in once through the API; every test then starts with the session cookie. */
export default async function globalSetup(config: FullConfig): Promise<void> {
  const baseURL = String(config.projects[0]?.use.baseURL);
  const origin = new URL(baseURL).origin;
  // Writes must carry the admin's own Origin (CSRF guard), as the browser's fetches do.
  const context = await request.newContext({ baseURL: origin, extraHTTPHeaders: { origin } });
  const response = await context.post("/api/auth/login", { data: demoAccount });
  if (!response.ok()) {
    throw new Error(
      `Signing in as ${demoAccount.email} answered ${response.status()}: ${await response.text()}`,
    );
  }
  mkdirSync(dirname(storageStatePath), { recursive: true });
  await context.storageState({ path: storageStatePath });
  await context.dispose();
}
