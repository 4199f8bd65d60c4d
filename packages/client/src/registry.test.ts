// @vitest-environment node
import { describe, expect, it } from "vitest";
import { createRegistry } from "./registry.js";

const Page = () => null;

describe("createRegistry", () => {
  it("keeps custom pages in registration order and finds them by key", () => {
    const registry = createRegistry()
      .registerPage({ key: "sales", title: "Sales", component: Page })
      .registerPage({ key: "audit-log", title: "Audit log", component: Page });
    expect(registry.pages().map((page) => page.title)).toEqual(["Sales", "Audit log"]);
    expect(registry.page("audit-log")?.title).toBe("Audit log");
  });

  it("refuses a duplicate or unusable page key with a message saying what to do", () => {
    const registry = createRegistry().registerPage({ key: "sales", title: "Sales", component: Page });
    expect(() => registry.registerPage({ key: "sales", title: "Again", component: Page })).toThrow(
      /registered twice/,
    );
    expect(() => registry.registerPage({ key: "Sales Page", title: "x", component: Page })).toThrow(
      /lowercase/,
    );
  });

  it("gives each registry its own widgets", () => {
    const first = createRegistry().registerWidget("Json", Page);
    expect(first.widget("Json")).toBe(Page);
    expect(createRegistry().widget("Json")).toBeUndefined();
  });
});
