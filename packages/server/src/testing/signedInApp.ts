import { createMemoryAuthStore, createPasswordHasher } from "@atrium/auth";
import type { DataSource } from "@atrium/core";
import type { Hono } from "hono";
import type { AtriumAppOptions } from "../appOptions.js";
import type { AuthOptions } from "../auth/authOptions.js";
import { fakeDataSource } from "./fakeDataSource.js";
import { testApp } from "./testApp.js";

export const testPassword = "correct horse battery staple";

/** A user to create: permissions become one role of theirs. */
export interface TestUser {
  email: string;
  isSuperuser?: boolean;
  permissions?: string[];
}

/**
 * An app with sign-in over an in-memory store holding `users`, and a way to sign each in. Passwords use a cheap
 * scrypt cost so a test signs in within milliseconds.
 */
export async function signedInApp(
  users: TestUser[],
  dataSource: DataSource = fakeDataSource(),
  options: Partial<Omit<AtriumAppOptions, "auth">> & { auth?: Partial<AuthOptions> } = {},
) {
  const store = createMemoryAuthStore();
  const passwords = createPasswordHasher({ N: 2 ** 10 });
  const passwordHash = await passwords.hash(testPassword);
  for (const user of users) {
    const created = await store.createUser({
      email: user.email,
      passwordHash,
      isSuperuser: user.isSuperuser ?? false,
      createdAt: new Date(),
    });
    if (user.permissions) {
      const role = await store.createRole(`role of ${user.email}`);
      await store.setRolePermissions(role.id, user.permissions);
      await store.setUserRoles(created.id, [role.id]);
    }
  }
  const built = testApp(dataSource, { ...options, auth: { store, passwords, ...options.auth } });
  return { ...built, store, signIn: (email: string) => signIn(built.app, email) };
}

/** Signs in through `POST <prefix>/api/auth/login` and answers the `Cookie` header that carries the session. */
export async function signIn(
  app: Pick<Hono, "request">,
  email: string,
  prefix = "",
  origin = "http://localhost",
): Promise<string> {
  const res = await app.request(`${origin}${prefix}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: origin },
    body: JSON.stringify({ email, password: testPassword }),
  });
  if (res.status !== 200) throw new Error(`signIn(${email}): ${res.status} ${await res.text()}`);
  const cookie = res.headers.get("Set-Cookie") ?? "";
  return cookie.split(";")[0] ?? "";
}
