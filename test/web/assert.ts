// node:assert does not exist in a browser extension host, and the suite needs only these few
// checks; each failure message shows what was found and what was expected.

export class AssertionError extends Error {
  override name = 'AssertionError';
}

const show = (value: unknown): string => JSON.stringify(value, (_k, v) => (v instanceof RegExp ? String(v) : v));

export function ok(value: unknown, message = 'expected a truthy value'): asserts value {
  if (!value) throw new AssertionError(`${message} (found ${show(value)})`);
}

export function equal<T>(actual: T, expected: T, message = 'values differ'): void {
  if (!Object.is(actual, expected)) throw new AssertionError(`${message}: expected ${show(expected)}, found ${show(actual)}`);
}

/** Structural equality of JSON-like values (arrays and plain objects; key order ignored). */
export function deepEqual(actual: unknown, expected: unknown, message = 'values differ'): void {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
    }
    return value;
  };
  if (show(canonical(actual)) !== show(canonical(expected))) {
    throw new AssertionError(`${message}: expected ${show(expected)}, found ${show(actual)}`);
  }
}

export function match(actual: string, pattern: RegExp, message = 'text does not match'): void {
  if (!pattern.test(actual)) throw new AssertionError(`${message}: expected ${pattern}, found ${show(actual)}`);
}

export function includesAll<T>(actual: readonly T[], expected: readonly T[], message = 'items missing'): void {
  const missing = expected.filter((item) => !actual.includes(item));
  if (missing.length) throw new AssertionError(`${message}: ${show(missing)} not in ${show(actual)}`);
}
