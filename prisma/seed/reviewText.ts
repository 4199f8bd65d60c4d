import type { Random } from "./random.js";
import { REVIEW_CLOSINGS, REVIEW_DETAILS, REVIEW_OPENINGS, REVIEW_TITLES } from "./textPools.js";

/** A review whose title and tone match its stars, in plain English rather than lorem ipsum. */
export function reviewText(random: Random, stars: number): { title: string; body: string } {
  const title = random.pick(REVIEW_TITLES[stars] ?? []);
  const sentences = [
    random.pick(REVIEW_OPENINGS[stars] ?? []),
    ...random.sample(REVIEW_DETAILS, random.int(1, 3)),
    random.pick(REVIEW_CLOSINGS),
  ];
  return { title, body: sentences.filter((sentence) => sentence !== "").join(" ") };
}
