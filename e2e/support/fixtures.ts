import { test as base } from "@playwright/test";
import { AtriumApi } from "./AtriumApi.js";
import { TestDataFactory } from "./TestDataFactory.js";

/**
 * Playwright's `test` with the API helper and the test-data factory, built per test; what the factory made
 * is deleted after the test.
 */
export const test = base.extend<{ api: AtriumApi; factory: TestDataFactory }>({
  api: async ({ request }, use) => {
    await use(new AtriumApi(request));
  },
  factory: async ({ api }, use) => {
    const factory = new TestDataFactory(api);
    await use(factory);
    await factory.cleanup();
  },
});

export { expect } from "@playwright/test";
