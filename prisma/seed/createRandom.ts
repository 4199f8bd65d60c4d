/**
 * The fixed generator's one source of randomness: a Faker instance of its own with a fixed seed and reference
 * date. Apart from random.ts because it loads Faker itself, which the seed plan's makers must not.
 */
import { base, en, Faker } from "@faker-js/faker";
import { DEMO_SEED, type Random, REFERENCE_DATE, randomFrom } from "./random.js";

export function createRandom(seed: number = DEMO_SEED): Random {
  const faker = new Faker({ locale: [en, base] });
  faker.seed(seed);
  faker.setDefaultRefDate(REFERENCE_DATE);
  return randomFrom(faker);
}
