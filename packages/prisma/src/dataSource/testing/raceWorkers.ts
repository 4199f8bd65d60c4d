/**
 * Writers in processes of their own, for the race tests: each runs its share of a batch of writes all at once
 * through its own Prisma client, as several servers in front of one database would. In one process a Prisma
 * client runs SQLite's interactive transactions one at a time, so only other processes (other connections)
 * race for real there; on PostgreSQL and MySQL each process's pool of connections races as well.
 */
import { type ChildProcess, fork } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** One write, with its model by Prisma name and its records by `$id`. */
export type RaceWrite =
  | { kind: "update"; model: string; id: string; scalars: Record<string, unknown>; version?: string }
  | { kind: "delete"; model: string; id: string; version?: string }
  | { kind: "deleteMany"; model: string; ids: string[]; versions?: Record<string, string> };

/** What became of a write: accepted, or refused with the AtriumError's code (else the error's text). */
export type RaceOutcome = { accepted: true } | { accepted: false; code: string };

export type RaceRequest = { kind: "writes"; batch: number; writes: RaceWrite[] } | { kind: "stop" };

interface RaceReply {
  ready?: true;
  batch?: number;
  outcomes?: RaceOutcome[];
}

export interface RaceWorkers {
  /** Sends the writes to the workers in turn (write i to worker i mod count); outcomes in the writes' order. */
  run(writes: RaceWrite[]): Promise<RaceOutcome[]>;
  close(): Promise<void>;
}

const workerFile = resolve(dirname(fileURLToPath(import.meta.url)), "raceWorker.ts");
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../..");

export async function startRaceWorkers(
  database: { schemaFile: string; url: string },
  count: number,
): Promise<RaceWorkers> {
  const children = Array.from({ length: count }, () =>
    fork(workerFile, [database.schemaFile, database.url], {
      cwd: repoRoot,
      execArgv: ["--import", "tsx", "--conditions=@atrium/source"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    }),
  );
  await Promise.all(children.map((child) => reply(child, (message) => message.ready === true)));
  let batches = 0;
  return {
    async run(writes) {
      const batch = ++batches;
      const answers = children.map((child, index) => {
        const share = writes.filter((_, at) => at % count === index);
        const answer = reply(child, (message) => message.batch === batch);
        child.send({ kind: "writes", batch, writes: share } satisfies RaceRequest);
        return answer;
      });
      const outcomes = (await Promise.all(answers)).map((message) => message.outcomes ?? []);
      return writes.map((_, at) => {
        const outcome = outcomes[at % count]?.[Math.floor(at / count)];
        if (!outcome) throw new Error(`Race worker ${at % count} did not answer write ${at}`);
        return outcome;
      });
    },
    async close() {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once("exit", () => done());
              child.send({ kind: "stop" } satisfies RaceRequest);
            }),
        ),
      );
    },
  };
}

/** The child's next message that `matches`; rejects when the child exits first. */
function reply(child: ChildProcess, matches: (message: RaceReply) => boolean): Promise<RaceReply> {
  return new Promise((resolveReply, reject) => {
    const onMessage = (message: RaceReply) => {
      if (!matches(message)) return;
      child.off("message", onMessage);
      child.off("exit", onExit);
      resolveReply(message);
    };
    const onExit = (code: number | null) => {
      child.off("message", onMessage);
      reject(new Error(`A race worker exited (code ${code}) before it answered`));
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}
