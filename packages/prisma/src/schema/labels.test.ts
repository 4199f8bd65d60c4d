import { describe, expect, it } from "vitest";
import { humanize, kebabCase, pluralize } from "./labels.js";

describe("labels", () => {
  it("turns model names into URL keys", () => {
    expect(kebabCase("OrderItem")).toBe("order-item");
    expect(kebabCase("User")).toBe("user");
    expect(kebabCase("APIKey")).toBe("api-key");
    expect(kebabCase("order_line")).toBe("order-line");
    expect(kebabCase("Model3D")).toBe("model-3d");
    expect(kebabCase("TagsOnModels")).toBe("tags-on-models");
  });

  it("turns field and model names into words", () => {
    expect(humanize("createdAt")).toBe("Created at");
    expect(humanize("OrderItem")).toBe("Order item");
    expect(humanize("isbn13")).toBe("ISBN13");
    expect(humanize("userId")).toBe("User ID");
    expect(humanize("first_name")).toBe("First name");
    expect(humanize("apiURL")).toBe("API URL");
  });

  it("writes well-known acronyms that names spell in lower case in capitals, and no other word", () => {
    expect(humanize("id")).toBe("ID");
    expect(humanize("isbn")).toBe("ISBN");
    expect(humanize("avatar_url")).toBe("Avatar URL");
    expect(humanize("externalIds")).toBe("External IDs");
    expect(humanize("skus")).toBe("SKUs");
    expect(humanize("sms")).toBe("SMS");
    expect(humanize("ipAddress")).toBe("IP address");
    // Words that merely begin or end like one stay words.
    expect(humanize("identity")).toBe("Identity");
    expect(humanize("apiary")).toBe("Apiary");
    expect(humanize("status")).toBe("Status");
    expect(humanize("tips")).toBe("Tips");
  });

  it("keeps acronyms and numbers that read as one word", () => {
    expect(humanize("APIKey")).toBe("API key");
    expect(humanize("Model3D")).toBe("Model 3D");
    expect(humanize("Model3DAsset")).toBe("Model 3D asset");
    expect(humanize("has2FA")).toBe("Has 2FA");
    expect(humanize("S3Bucket")).toBe("S3 bucket");
    expect(humanize("utf8Text")).toBe("Utf8 text");
    expect(humanize("XMLHttpRequest")).toBe("XML http request");
    expect(humanize("TagsOnModels")).toBe("Tags on models");
  });

  it("pluralises the last word in English", () => {
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

  it("leaves already plural and uncountable words alone", () => {
    expect(pluralize("Credentials")).toBe("Credentials");
    expect(pluralize("Tags on models")).toBe("Tags on models");
    expect(pluralize("Settings")).toBe("Settings");
    expect(pluralize("Metadata")).toBe("Metadata");
    expect(pluralize("News")).toBe("News");
  });

  it("pluralises acronyms with a lower-case s, and irregular words", () => {
    expect(pluralize("API key")).toBe("API keys");
    expect(pluralize("URL")).toBe("URLs");
    expect(pluralize("Model 3D")).toBe("Model 3Ds");
    expect(pluralize("Child")).toBe("Children");
    expect(pluralize("Analysis")).toBe("Analyses");
    expect(pluralize("Inventory")).toBe("Inventories");
  });
});
