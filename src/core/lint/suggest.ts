/** "Did you mean …?" for misspelt keys, values and rule ids. */
import { distance } from 'fastest-levenshtein';

/**
 * The closest candidate within a typo's reach (two edits, or a third of the word), if any. A
 * candidate that shares nothing with the word (as many edits as the shorter one is long: 'os'
 * and 'id') is no suggestion.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestScore && d <= Math.max(2, Math.floor(candidate.length / 3)) && d < Math.min(word.length, candidate.length)) { best = candidate; bestScore = d; }
  }
  return best;
}
