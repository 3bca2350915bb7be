/**
 * Reading a text one code point at a time, for the scans that run on every
 * sentence: a loop over character codes allocates nothing, where a regular
 * expression run word by word makes a match object per word.
 */

/** Length in UTF-16 units of the code point at `at`: 2 for a surrogate pair, else 1. */
export function codePointLength(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code < 0xd800 || code > 0xdbff) return 1;
  const next = text.charCodeAt(at + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/** Answers cached per tester before the cache is cleared, so memory stays bounded. */
const MAX_CACHED_CODE_POINTS = 10_000;

/**
 * A test of one code point against `pattern` (an anchored, one-character
 * expression with the `u` flag and neither `g` nor `y`, like
 * `/^[\p{L}\p{N}]$/u`): the returned function gives the length of the code
 * point at `at` when the pattern accepts it (1, or 2 for a surrogate pair),
 * and 0 when it does not or `at` is past the end. ASCII is answered from a
 * table, other code points from a cache filled as they are met.
 */
export function codePointTester(pattern: RegExp): (text: string, at: number) => number {
  const ascii = new Uint8Array(128);
  for (let code = 0; code < 128; code++) {
    ascii[code] = pattern.test(String.fromCharCode(code)) ? 1 : 0;
  }
  const cache = new Map<number, boolean>();
  return (text, at) => {
    if (at >= text.length) return 0;
    const code = text.charCodeAt(at);
    if (code < 128) return ascii[code]!;
    const length = codePointLength(text, at);
    const point = text.codePointAt(at)!;
    let accepted = cache.get(point);
    if (accepted === undefined) {
      accepted = pattern.test(text.slice(at, at + length));
      if (cache.size >= MAX_CACHED_CODE_POINTS) cache.clear();
      cache.set(point, accepted);
    }
    return accepted ? length : 0;
  };
}
