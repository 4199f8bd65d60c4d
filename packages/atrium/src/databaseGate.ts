/**
 * A server that starts while its database is down (a container started before the database, a restart of
 * both) does not exit: it listens, answers every request `503 database_unavailable` (so a load balancer's
 * `/healthz` keeps it out of rotation), retries every second, and serves as soon as the database answers,
 * without a restart. Any other start-up failure (wrong password, a table it may not create) still stops it.
 */
import { AtriumError, isDatabaseUnreachable } from "@atrium/core";
import { databaseReason } from "@atrium/prisma";

/** The database's own words for the log, without Prisma's call-site lines. */
const reasonOf = (error: unknown) => (error instanceof Error ? databaseReason(error) : String(error));

export interface DatabaseGate {
  /** False until the database answered the start-up work once. */
  isOpen(): boolean;
  /** The answer to every request while closed. */
  closedResponse(): Response;
  /** Stops retrying (the server is closing). */
  stop(): void;
}

export interface GateOptions {
  /** The start-up work that needs the database (system tables); run again until it succeeds. */
  prepare: () => Promise<void>;
  /** The database as the log names it (URL without its password). */
  target: string;
  /** @default 1000 */
  retryEveryMs?: number;
}

const openGate: DatabaseGate = {
  isOpen: () => true,
  closedResponse: () => new Response(null, { status: 204 }),
  stop: () => {},
};

export async function openWhenDatabaseAnswers(options: GateOptions): Promise<DatabaseGate> {
  try {
    await options.prepare();
    return openGate;
  } catch (error) {
    if (!isDatabaseUnreachable(error)) throw error;
    console.warn(
      `atrium: the database at ${options.target} cannot be reached (${reasonOf(error)}); answering 503 and retrying every second until it does`,
    );
  }
  let open = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const retry = () => {
    timer = setTimeout(async () => {
      try {
        await options.prepare();
        open = true;
        console.log(`atrium: the database at ${options.target} answers; serving`);
      } catch (error) {
        // A database that answers but refuses the start-up work is worth a line each time; a down one is not.
        if (!isDatabaseUnreachable(error))
          console.error(`atrium: preparing the database failed: ${reasonOf(error)}`);
        if (!stopped) retry();
      }
    }, options.retryEveryMs ?? 1000);
    // Waiting for the database does not keep a process alive that is otherwise done.
    timer.unref();
  };
  retry();
  return {
    isOpen: () => open,
    closedResponse: () => {
      const error = new AtriumError(
        "database_unavailable",
        "Atrium is waiting for its database, which cannot be reached yet; try again in a moment",
      );
      return Response.json(error.toBody(), { status: error.status, headers: { "Retry-After": "1" } });
    },
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
