import type { DatabaseProvider } from "@atrium/core";

/** The same schema for another database: only the datasource provider changes. */
export function withProvider(schemaText: string, provider: DatabaseProvider): string {
  return schemaText.replace(/provider\s*=\s*"(sqlite|postgresql|mysql)"/, `provider = "${provider}"`);
}
