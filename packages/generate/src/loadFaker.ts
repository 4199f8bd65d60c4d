/**
 * Faker's English locale, loaded on first use: the library takes a noticeable moment to load, and a server that
 * never generates records should not pay for it at start-up. Only the English locale is loaded (the package's
 * main entry loads every locale, seven times slower).
 */
import type { Faker } from "@faker-js/faker";

let loading: Promise<Faker> | undefined;

export function loadFaker(): Promise<Faker> {
  loading ??= import("@faker-js/faker/locale/en").then((module) => module.faker);
  return loading;
}
