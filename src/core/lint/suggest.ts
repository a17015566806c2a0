/** "Did you mean …?" for misspelt keys, values and rule ids. */
import { distance } from 'fastest-levenshtein';

/** The closest candidate within a typo's reach (two edits, or a third of the word), if any. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestScore && d <= Math.max(2, Math.floor(candidate.length / 3))) { best = candidate; bestScore = d; }
  }
  return best;
}
