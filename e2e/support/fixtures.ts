import { test as base } from "@playwright/test";
import { AtriumApi } from "./AtriumApi.js";
import { TestDataFactory } from "./TestDataFactory.js";

/** Playwright's `test` with the API helper and the test-data factory, built per test. */
export const test = base.extend<{ api: AtriumApi; factory: TestDataFactory }>({
  api: async ({ request }, use) => {
    await use(new AtriumApi(request));
  },
  factory: async ({ api }, use) => {
    await use(new TestDataFactory(api));
  },
});

export { expect } from "@playwright/test";
