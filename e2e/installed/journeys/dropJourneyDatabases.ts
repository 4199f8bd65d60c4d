/**
 * Drops every database a journey made (`atrium_journey_*`) on PostgreSQL and MariaDB: run as the journeys'
 * global teardown, and before they start, so a run that was killed leaves nothing behind for long.
 */
import { adminQuery } from "../../../packages/prisma/src/testing/adminQuery.js";

export default async function dropJourneyDatabases(): Promise<void> {
  const postgres = await adminQuery<{ datname: string }>(
    "postgresql",
    "SELECT datname FROM pg_database WHERE datname LIKE 'atrium\\_journey\\_%'",
  );
  for (const { datname } of postgres)
    await adminQuery("postgresql", `DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  const mysql = await adminQuery<Record<string, string>>(
    "mysql",
    "SHOW DATABASES LIKE 'atrium\\_journey\\_%'",
  );
  for (const row of mysql) {
    const name = Object.values(row)[0];
    if (name) await adminQuery("mysql", `DROP DATABASE IF EXISTS ${name}`);
  }
}
