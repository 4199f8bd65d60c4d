import type { DataSource } from "@atrium/core";
import type { AtriumAppOptions, ErrorLogger } from "../appOptions.js";
import { createAtriumApp } from "../createAtriumApp.js";
import { fakeDataSource } from "./fakeDataSource.js";
import { schemaFixture } from "./schemaFixture.js";

/** An app over the fixture schema whose logger records instead of printing, so tests can assert on it. */
export function testApp(dataSource: DataSource = fakeDataSource(), options: Partial<AtriumAppOptions> = {}) {
  const logged: { message: string; error: unknown }[] = [];
  const logger: ErrorLogger = (message, error) => logged.push({ message, error });
  const app = createAtriumApp({ schema: schemaFixture(), dataSource, logger, ...options });
  return { app, logged };
}

export function jsonRequest(
  method: string,
  body: unknown,
  headers: Record<string, string> = {},
): RequestInit {
  return {
    method,
    headers: { "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  };
}
