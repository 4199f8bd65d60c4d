/**
 * Failures the zoo crawl finds today that belong to points of issue 10 other engineers are fixing on their own
 * branches. Each entry names its point; once that branch is merged the entry no longer matches a failure and the
 * zoo test says so: delete the entry then. Everything else the crawler finds fails the test.
 */
import type { TestProvider } from "../openTestApi.js";
import type { Finding } from "./crawlLog.js";

export interface KnownFailure {
  /** Where the issue explains it: "issue 10 point 4". */
  point: string;
  schema: string;
  model: string;
  /** Matches the finding's channel (`filter:email.eq`, `create`, ...). */
  channel: RegExp;
  /** @default every provider */
  providers?: TestProvider[];
  why: string;
}

export const knownFailures: KnownFailure[] = [
  {
    point: "issue 10 point 4 (the message); the failure itself is Prisma's, prisma/orm#20449",
    schema: "scalars",
    model: "ledger-entry",
    channel: /^(create|arrange)$/,
    providers: ["sqlite"],
    why: "`BigInt @id @default(autoincrement())` on SQLite: Prisma creates `BIGINT PRIMARY KEY`, which SQLite does not number, so every create fails NOT NULL and answers 422 naming `id`, a generated field no form shows; it must say the database has no default for it",
  },
  {
    point: "issue 10 point 4 (follows from ledger-entry)",
    schema: "scalars",
    model: "attachment",
    channel: /^create$/,
    providers: ["sqlite"],
    why: "an attachment needs a ledger entry, and none can be created on SQLite (see ledger-entry)",
  },
];

/** Splits findings into those no entry explains, and entries that explain nothing any more. */
export function applyKnownFailures(
  findings: Finding[],
  schema: string,
  provider: TestProvider,
  entries: KnownFailure[] = knownFailures,
): { unexplained: Finding[]; stale: KnownFailure[] } {
  const relevant = entries.filter(
    (entry) => entry.schema === schema && (!entry.providers || entry.providers.includes(provider)),
  );
  const used = new Set<KnownFailure>();
  const unexplained = findings.filter((finding) => {
    const entry = relevant.find(
      (candidate) => candidate.model === finding.model && candidate.channel.test(finding.channel),
    );
    if (entry) used.add(entry);
    return !entry;
  });
  return { unexplained, stale: relevant.filter((entry) => !used.has(entry)) };
}
