/** Text to match literally inside a RegExp (labels and messages may hold dots, brackets, quotes). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
