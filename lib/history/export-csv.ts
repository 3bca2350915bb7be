/**
 * The history as CSV (RFC 4180) for spreadsheets: one row per claim, so a
 * moderator can sort and filter by verdict. The text in it comes from web
 * pages, so it is written to be read as data, never as formulas.
 */
import type { HistoryClaim, HistoryEntry } from './entry.ts';

/** The columns, in order. */
export const HISTORY_CSV_HEADER = [
  'checked_at',
  'kind',
  'url',
  'title',
  'verdict',
  'claim',
  'reason',
  'fact_id',
  'source_id',
  'source_passage',
] as const;

/** RFC 4180 line end. */
const CRLF = '\r\n';

/** Spreadsheet programs read a file without it as their local code page and garble accents. */
const UTF8_BOM = '\uFEFF';

/**
 * A cell a spreadsheet would run as a formula (OWASP "CSV injection"):
 * starting with `=`, `+`, `-` or `@`, or with a tab or carriage return that
 * some programs strip before reading the rest as one.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A field that must be quoted: it holds a separator, a quote or a line break. */
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: defused when it could be a formula, quoted when it must be, quotes doubled. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function row(fields: readonly string[]): string {
  return fields.map(csvField).join(',') + CRLF;
}

function claimRow(entry: HistoryEntry, claim: HistoryClaim | undefined): string {
  return row([
    entry.checkedAt,
    entry.kind,
    entry.url,
    entry.title,
    claim?.verdict ?? '',
    claim?.text ?? '',
    claim?.reason ?? '',
    claim?.factId ?? '',
    claim?.evidence?.sourceId ?? '',
    claim?.evidence?.exact ?? '',
  ]);
}

/**
 * The entries as CSV text: a UTF-8 byte order mark, the header, then one row
 * per claim (an entry without claims gets one row with the claim columns
 * empty), every line ending in CRLF. Fields holding a comma, a quote or a line
 * break are quoted; fields a spreadsheet would read as a formula start with
 * `'`. Entries keep the order given.
 */
export function historyToCsv(entries: readonly HistoryEntry[]): string {
  let csv = UTF8_BOM + row(HISTORY_CSV_HEADER);
  for (const entry of entries) {
    const claims = entry.results.claims;
    if (claims.length === 0) csv += claimRow(entry, undefined);
    for (const claim of claims) csv += claimRow(entry, claim);
  }
  return csv;
}
