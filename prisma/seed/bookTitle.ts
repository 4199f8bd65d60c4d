import {
  NONFICTION_TOPICS,
  SUBTITLES,
  TITLE_ADJECTIVES,
  TITLE_NOUNS,
  TITLE_PLACES,
  TRANSLATED_ARTICLES,
} from "./pools.js";
import type { Random } from "./random.js";

export interface BookTitle {
  title: string;
  subtitle: string | null;
}

/** A title in one of the shapes real catalogues are full of; non-fiction leans on topics. */
export function bookTitle(random: Random, nonFiction: boolean): BookTitle {
  const adjective = () => random.pick(TITLE_ADJECTIVES);
  const noun = () => random.pick(TITLE_NOUNS);
  const fiction: (() => string)[] = [
    () => `The ${adjective()} ${noun()}`,
    () => `The ${noun()} of ${random.pick(TITLE_PLACES)}`,
    () => `${adjective()} ${noun()}s`,
    () => `A ${noun()} in ${random.pick(TITLE_PLACES)}`,
    () => `The ${noun()}'s ${noun()}`,
    () => `${random.faker.person.firstName()} and the ${adjective()} ${noun()}`,
    () => `What the ${noun()} Knew`,
    () => `The Last Days of the ${noun()}`,
  ];
  const topics: (() => string)[] = [
    () => {
      const topic = random.pick(NONFICTION_TOPICS);
      return `${topic.charAt(0).toUpperCase()}${topic.slice(1)}`;
    },
    () => `The Rise and Fall of ${random.pick(NONFICTION_TOPICS)}`,
    () => `A Short History of ${random.pick(NONFICTION_TOPICS)}`,
    () => `How ${random.pick(NONFICTION_TOPICS)} Made the Modern World`,
    () => `The ${adjective()} Story of ${random.pick(NONFICTION_TOPICS)}`,
  ];
  const title = random.pick(nonFiction ? topics : fiction)();
  return { title, subtitle: bookSubtitle(random, nonFiction) };
}

/** A subtitle in the manner of the kind of book, or null: most novels have none, most histories one. */
export function bookSubtitle(random: Random, nonFiction: boolean): string | null {
  if (nonFiction) {
    return random.chance(0.6)
      ? random.pick(["A History", "An Investigation", "The Untold Story", "A Biography", "A Journey"])
      : null;
  }
  return random.chance(0.25) ? random.pick(SUBTITLES) : null;
}

/** Titles keep their nouns in translation; only a leading "The" changes, which reads believably. */
export function translatedTitle(title: string, language: string): string {
  const article = TRANSLATED_ARTICLES[language];
  if (article === undefined || !title.startsWith("The ")) return title;
  return article === "" ? title.slice(4) : `${article} ${title.slice(4)}`;
}
