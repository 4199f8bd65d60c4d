/**
 * `atrium create-user --email a@b.c [--superuser] [--config file]`, the password read from
 * standard input so that it never shows in the shell history or the process list:
 *   printf '%s' "$PASSWORD" | npx atrium create-user --email a@b.c --superuser
 */
import { type AuthStore, assertPasswordPolicy, createPasswordHasher, normalizeEmail } from "@atrium/auth";
import { AtriumError } from "@atrium/core";
import {
  createClientForSchema,
  createSystemStore,
  ensureSystemTables,
  providerOfUrl,
  type SystemStoreClient,
} from "@atrium/prisma";

export interface UserDatabase {
  store: AuthStore;
  close(): Promise<void>;
}

/** Atrium's system tables in the application's database, created when missing. */
export async function openUserDatabase(schemaPath: string, databaseUrl: string): Promise<UserDatabase> {
  const client = await createClientForSchema(schemaPath, databaseUrl);
  const systemClient = client as unknown as SystemStoreClient;
  const provider = providerOfUrl(databaseUrl);
  await ensureSystemTables(systemClient, provider);
  return { store: createSystemStore(systemClient, provider), close: () => client.$disconnect() };
}

export interface NewUserInput {
  email: string;
  password: string;
  isSuperuser: boolean;
}

/** Checks the email and the password policy, hashes and stores; clear AtriumErrors for every refusal. */
export async function createUser(store: AuthStore, input: NewUserInput, now = new Date()) {
  const email = input.email.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 320) {
    throw new AtriumError("validation_failed", `'${email}' is not an email address`, {
      fields: { email: "Enter an email address such as admin@example.com" },
    });
  }
  assertPasswordPolicy(input.password, { email });
  if (await store.findUserByEmail(normalizeEmail(email))) {
    throw new AtriumError("unique_violation", `A user with the email ${email} already exists`, {
      fields: { email: "Taken" },
    });
  }
  const passwordHash = await createPasswordHasher().hash(input.password);
  return store.createUser({ email, passwordHash, isSuperuser: input.isSuperuser, createdAt: now });
}

/** Standard input as text, without the one trailing newline `echo` adds. */
export async function readPasswordFromStdin(input: NodeJS.ReadableStream = process.stdin): Promise<string> {
  if ((input as { isTTY?: boolean }).isTTY) {
    throw new AtriumError(
      "bad_request",
      "Pipe the password into standard input, e.g. printf '%s' \"$PASSWORD\" | npx atrium create-user ...",
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

/** What `serve` prints when nobody can sign in yet. */
export function noUsersHint(configArgument: string): string {
  return [
    "No users yet: nobody can sign in. Create the first administrator with:",
    `  printf '%s' 'a-long-password' | npx atrium create-user --email you@example.com --superuser${configArgument}`,
    "(the password is read from standard input; at least 12 characters).",
  ].join("\n");
}
