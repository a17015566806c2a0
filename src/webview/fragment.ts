/** `#fragment` handling without the DOM, so the unit tests can run it in plain Node. */

/**
 * The element id a `#fragment` names: percent-escapes decoded, and a malformed escape (`#%E0%A4`,
 * `#100%`) taken as written instead of throwing in the page script.
 */
export function fragmentId(fragment: string): string {
  const raw = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
