/** Sentences reviews and order notes are composed from, matched to the stars they go with. */

export const REVIEW_TITLES: Record<number, readonly string[]> = {
  1: ["Not for me", "Could not finish it", "Disappointing", "A slog", "Skip this one"],
  2: ["Had its moments", "Uneven", "Expected more", "Slow going", "Not the author's best"],
  3: ["Decent read", "Good, not great", "Worth a look", "Solid but forgettable", "Mixed feelings"],
  4: ["Really enjoyed it", "A fine book", "Recommended", "Hard to put down", "Very good"],
  5: ["A masterpiece", "Loved every page", "Instant favourite", "Stunning", "Read it twice already"],
};

export const REVIEW_OPENINGS: Record<number, readonly string[]> = {
  1: ["I wanted to like this book.", "I gave up halfway through.", "This was a chore to read."],
  2: ["The premise is promising, but the execution falls short.", "Parts of it worked for me."],
  3: ["A pleasant enough read.", "There is a good book in here somewhere.", "It kept me reading."],
  4: ["A thoughtful, well-paced book.", "I finished it in two evenings.", "Smart and engaging."],
  5: ["One of the best books I have read this year.", "Beautifully written from start to finish."],
};

export const REVIEW_DETAILS = [
  "The characters felt real and their choices mattered.",
  "The middle section drags a little.",
  "The prose is clear and often lovely.",
  "The ending surprised me.",
  "I learned a great deal without ever feeling lectured.",
  "Some chapters could have been cut.",
  "The dialogue is sharp and funny.",
  "The setting is vividly drawn.",
  "The translation reads smoothly.",
  "It raises more questions than it answers, in a good way.",
  "The research behind it shows on every page.",
  "I would have liked more depth in the secondary characters.",
] as const;

export const REVIEW_CLOSINGS = [
  "Recommended for a long weekend.",
  "I will look for more by this author.",
  "Good choice for a book club.",
  "Borrow it rather than buy it.",
  "Already lent my copy to a friend.",
  "",
] as const;

export const ORDER_NOTES = [
  "Please leave the parcel with the neighbour.",
  "Gift: do not include the invoice.",
  "Deliver after 5 pm.",
  "Call on arrival.",
  "Leave at the front desk.",
] as const;
