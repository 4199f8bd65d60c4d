import { describe, expect, it } from "vitest";
import { humanize, kebabCase, pluralize } from "./labels.js";

describe("labels", () => {
  it("turns model names into URL keys", () => {
    expect(kebabCase("OrderItem")).toBe("order-item");
    expect(kebabCase("User")).toBe("user");
    expect(kebabCase("APIKey")).toBe("api-key");
    expect(kebabCase("order_line")).toBe("order-line");
  });

  it("turns field and model names into words", () => {
    expect(humanize("createdAt")).toBe("Created at");
    expect(humanize("OrderItem")).toBe("Order item");
    expect(humanize("isbn13")).toBe("Isbn13");
    expect(humanize("userId")).toBe("User id");
    expect(humanize("first_name")).toBe("First name");
    expect(humanize("apiURL")).toBe("Api URL");
  });

  it("pluralises the last word in simple English", () => {
    expect(pluralize("Category")).toBe("Categories");
    expect(pluralize("Address")).toBe("Addresses");
    expect(pluralize("Status")).toBe("Statuses");
    expect(pluralize("Box")).toBe("Boxes");
    expect(pluralize("Day")).toBe("Days");
    expect(pluralize("Staff")).toBe("Staff");
    expect(pluralize("Support staff")).toBe("Support staff");
    expect(pluralize("Person")).toBe("People");
    expect(pluralize("Sales person")).toBe("Sales people");
    expect(pluralize("Order item")).toBe("Order items");
    expect(pluralize("Branch")).toBe("Branches");
  });
});
