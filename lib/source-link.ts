/**
 * The source viewer's address: `source.html#source=<id>&start=<n>&end=<n>`.
 * The parameters live in the hash so that the page can move from passage to
 * passage (and source to source) without reloading: it listens to `hashchange`.
 */

/** A source, and optionally the passage [start, end) of its text to mark (UTF-16 offsets). */
export interface SourceLink {
  sourceId: string;
  start?: number;
  end?: number;
}

/** The viewer page, relative to the extension's root. */
const VIEWER_PAGE = '/source.html';

/** The viewer's address from the extension's root, typed so WXT's `getURL` accepts it. */
export type SourceViewerPath = `/source.html#${string}`;

/**
 * A non-negative integer written the canonical way: `0`, `1836`; not `-1`,
 * `1.5`, `1e3`, `+7`, `007` or an empty string. At most 15 digits, so the
 * value is always a safe integer.
 */
const OFFSET = /^(?:0|[1-9]\d{0,14})$/;

/** True when [start, end) is a passage: two non-negative integers, start before end. */
function isPassage(start: number, end: number): boolean {
  return Number.isSafeInteger(start) && Number.isSafeInteger(end) && start >= 0 && start < end;
}

/**
 * The hash part of the viewer's address, `#source=…&start=…&end=…`, for links
 * inside the viewer page. The passage is left out when `start` and `end` are
 * both omitted. Throws a RangeError for an empty source id, for only one of
 * `start` and `end`, or for a passage that is not two non-negative integers
 * with start before end: a link to nowhere is a bug in the caller.
 */
export function sourceViewerHash({ sourceId, start, end }: SourceLink): `#${string}` {
  if (sourceId === '') throw new RangeError('a source link needs a source id');
  const source: `#${string}` = `#source=${encodeURIComponent(sourceId)}`;
  if (start === undefined && end === undefined) return source;
  if (start === undefined || end === undefined || !isPassage(start, end)) {
    throw new RangeError(`[${start}, ${end}) is not a passage: want integers 0 ≤ start < end`);
  }
  return `${source}&start=${start}&end=${end}`;
}

/**
 * The viewer's address from the extension's root, `/source.html#source=…&start=…&end=…`
 * (URL-encoded), for `browser.runtime.getURL` or a link from another extension
 * page. Throws as `sourceViewerHash` does.
 */
export function sourceViewerPath(link: SourceLink): SourceViewerPath {
  return `${VIEWER_PAGE}${sourceViewerHash(link)}`;
}

/**
 * Reads a viewer address's hash (with or without its `#`). Returns null when
 * the hash is malformed: no `source`, an empty or repeated one, or bad
 * percent-encoding. `start` and `end` are given only when both are canonical
 * non-negative integers with start < end (each appearing once); otherwise they
 * are left out and the whole source is meant. Unknown parameters are ignored.
 */
export function parseSourceViewerHash(hash: string): SourceLink | null {
  const query = hash.startsWith('#') ? hash.slice(1) : hash;
  const values = new Map<string, string[]>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    const rawName = equals === -1 ? part : part.slice(0, equals);
    const rawValue = equals === -1 ? '' : part.slice(equals + 1);
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(rawName);
      value = decodeURIComponent(rawValue);
    } catch {
      return null; // URIError: a lone `%` or a broken UTF-8 sequence
    }
    values.set(name, [...(values.get(name) ?? []), value]);
  }

  const sources = values.get('source');
  if (sources?.length !== 1 || sources[0] === '' || sources[0] === undefined) return null;
  const sourceId = sources[0];

  const start = offsetOf(values.get('start'));
  const end = offsetOf(values.get('end'));
  if (start === undefined || end === undefined || !isPassage(start, end)) return { sourceId };
  return { sourceId, start, end };
}

/** The offset a parameter holds, when it appears exactly once and is a canonical integer. */
function offsetOf(values: readonly string[] | undefined): number | undefined {
  if (values?.length !== 1) return undefined;
  const [value] = values;
  return value !== undefined && OFFSET.test(value) ? Number(value) : undefined;
}
