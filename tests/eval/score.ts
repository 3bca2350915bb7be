/**
 * Scoring the engine's output against the labelled evaluation set
 * (tests/eval/cases.json): precision and recall of mentions, of
 * `contradicted` and of `supported`, and the fidelity of quotations.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

const MentionLabelSchema = z.union([
  z.string().min(1),
  z.strictObject({ text: z.string().min(1), nth: z.array(z.int().positive()).min(1) }),
]);

/**
 * A sentence's label: the verdict the sources decide, or (`not`) only the
 * verdict it must not get — a sentence carrying another event's date,
 * figure or place, which a careful reader would be wrong to contradict.
 */
const ClaimLabelSchema = z.union([
  z.strictObject({
    contains: z.string().min(1),
    verdict: z.enum(['supported', 'contradicted', 'unverified']),
    factId: z.string().optional(),
  }),
  z.strictObject({ contains: z.string().min(1), not: z.literal('contradicted') }),
]);
export type ClaimLabel = z.infer<typeof ClaimLabelSchema>;

const CaseSchema = z.strictObject({
  id: z.string().min(1),
  language: z.string().min(2),
  /** The older set's kind of text. */
  genre: z
    .enum(['news', 'post', 'repost', 'release-copy', 'pre-shutdown', 'unrelated', 'tricky'])
    .optional(),
  /** The real-world set's register: "news agency", "SEO farm", "negative"… */
  register: z.string().min(1).optional(),
  text: z.string().min(1),
  mentions: z.array(MentionLabelSchema),
  claims: z.array(ClaimLabelSchema),
  quotes: z.array(
    z.strictObject({
      contains: z.string().min(1),
      fidelity: z.enum(['exact', 'altered', 'unsourced', 'translated']),
      changes: z.array(z.string()).optional(),
    }),
  ),
  note: z.string().optional(),
});
export type EvalCase = z.infer<typeof CaseSchema>;

const CaseFileSchema = z.strictObject({ cases: z.array(CaseSchema) });

/** The first evaluation set: short labelled texts, one file. */
export function loadCases(): EvalCase[] {
  const file = resolve(import.meta.dirname, 'cases.json');
  return CaseFileSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).cases;
}

/**
 * The real-world set (tests/eval/real-world/*.json): multi-paragraph texts in
 * the registers of real outlets, every sentence the sources decide labelled,
 * and every sentence carrying another event's value labelled `not:
 * contradicted`. A supported verdict on a sentence it leaves unlabelled is a
 * false one.
 */
export function loadRealWorldCases(): EvalCase[] {
  const dir = resolve(import.meta.dirname, 'real-world');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => {
      const parsed = CaseFileSchema.safeParse(JSON.parse(readFileSync(resolve(dir, name), 'utf8')));
      if (!parsed.success) throw new Error(`${name}: ${z.prettifyError(parsed.error)}`);
      return parsed.data.cases;
    });
}

/** Labels whose `contains` does not occur in their text: each would score nothing. */
export function missingLabels(c: EvalCase): string[] {
  return [...c.claims, ...c.quotes]
    .map((label) => label.contains)
    .filter((contains) => !c.text.includes(contains));
}

/** What the engine reported for one text, in the CLI's JSON shape. */
export interface Reported {
  mentions: { text: string; start: number; end: number }[];
  claims: {
    text: string;
    start: number;
    end: number;
    verdict: string;
    checks: { factId: string; verdict: string }[];
  }[];
  quotes: {
    start: number;
    end: number;
    fidelity: string;
    changes?: { kind: string; quote?: string; source?: string }[];
  }[];
}

/** An engine's word change as the labels write it: "23 051 → 32 051", "dropped: …", "added: …", "reordered: … → …". */
export function changeLabel(change: { kind: string; quote?: string; source?: string }): string {
  switch (change.kind) {
    case 'changed':
      return `${change.source} → ${change.quote}`;
    case 'reordered':
      return `reordered: ${change.source} → ${change.quote}`;
    case 'dropped':
      return `dropped: ${change.source}`;
    default:
      return `added: ${change.quote}`;
  }
}

/** A change label read back: its kind and its two sides, as words without punctuation. */
function parseChange(label: string): { kind: string; source: string; quote: string } {
  const words = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const kind = /^(dropped|added|reordered): /.exec(label)?.[1] ?? 'changed';
  const body = kind === 'changed' ? label : label.slice(kind.length + 2);
  const [source = '', quote = ''] = kind === 'added' ? ['', body] : body.split(' → ');
  return { kind, source: words(source), quote: words(quote) };
}

/**
 * Whether the engine's change is the labelled one: the same kind, and each
 * side within the label's (the engine gives the fewest words that differ:
 * "10 → 5" for a label's "10 ans → 5 ans"), punctuation aside.
 */
function sameChange(label: string, shown: string): boolean {
  const a = parseChange(label);
  const b = parseChange(shown);
  const within = (inner: string, outer: string) =>
    inner === outer || ` ${outer} `.includes(` ${inner} `);
  return a.kind === b.kind && within(b.source, a.source) && within(b.quote, a.quote);
}

/** Whether the engine shows just the labelled changes, each once matched. */
export function sameChanges(labels: readonly string[], shown: readonly string[]): boolean {
  return (
    labels.length === shown.length &&
    labels.every((label) => shown.some((change) => sameChange(label, change))) &&
    shown.every((change) => labels.some((label) => sameChange(label, change)))
  );
}

interface Span {
  start: number;
  end: number;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whole-word occurrences of `needle` in `text`, case-sensitive. */
function occurrences(text: string, needle: string): Span[] {
  const found: Span[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    if (WORD_CHAR.test(text[at - 1] ?? '') || WORD_CHAR.test(text[end] ?? '')) continue;
    found.push({ start: at, end });
  }
  return found;
}

/** The labelled mention spans of a case. */
export function expectedMentions(c: EvalCase): Span[] {
  return c.mentions.flatMap((label) => {
    if (typeof label === 'string') return occurrences(c.text, label);
    const all = occurrences(c.text, label.text);
    return label.nth.map((n) => all[n - 1]).filter((s): s is Span => s !== undefined);
  });
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

export interface Tally {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
}

const tally = (): Tally => ({ truePositive: 0, falsePositive: 0, falseNegative: 0 });
export const precision = (t: Tally) =>
  t.truePositive + t.falsePositive === 0 ? 1 : t.truePositive / (t.truePositive + t.falsePositive);
export const recall = (t: Tally) =>
  t.truePositive + t.falseNegative === 0 ? 1 : t.truePositive / (t.truePositive + t.falseNegative);

export interface Score {
  mentions: Tally;
  contradicted: Tally;
  supported: Tally;
  quotes: { right: number; total: number };
  /** Labels naming the fact a verdict rests on, among those whose verdict is right: how many rest on it. */
  facts: { right: number; total: number };
  /** Labels naming an altered quotation's changes, among those traced as altered: how many show just those. */
  changes: { right: number; total: number };
  /** One line per disagreement, for reading when a threshold fails. */
  errors: string[];
}

/**
 * Scores the engine's reports (by case id) against the labels. With
 * `exhaustive`, the labels name every sentence the sources decide, so a
 * supported verdict on an unlabelled sentence counts as a false one.
 */
export function score(
  cases: readonly EvalCase[],
  reports: ReadonlyMap<string, Reported>,
  { exhaustive = false }: { exhaustive?: boolean } = {},
): Score {
  const result: Score = {
    mentions: tally(),
    contradicted: tally(),
    supported: tally(),
    quotes: { right: 0, total: 0 },
    facts: { right: 0, total: 0 },
    changes: { right: 0, total: 0 },
    errors: [],
  };
  for (const c of cases) {
    const report = reports.get(c.id);
    if (!report) {
      result.errors.push(`${c.id}: no report`);
      continue;
    }
    const expected = expectedMentions(c);
    for (const m of report.mentions) {
      if (expected.some((e) => overlaps(e, m))) result.mentions.truePositive += 1;
      else {
        result.mentions.falsePositive += 1;
        result.errors.push(`${c.id}: false mention "${m.text}" at ${m.start}`);
      }
    }
    for (const e of expected) {
      if (!report.mentions.some((m) => overlaps(e, m))) {
        result.mentions.falseNegative += 1;
        result.errors.push(
          `${c.id}: missed mention "${c.text.slice(e.start, e.end)}" at ${e.start}`,
        );
      }
    }

    const labelled = c.claims.map((label) => {
      const at = c.text.indexOf(label.contains);
      const claim = report.claims.find((k) => k.start <= at && at < k.end);
      return { label, claim, at };
    });
    for (const { label, claim } of labelled) {
      const got = claim?.verdict ?? 'none';
      if ('not' in label) {
        if (got === label.not) {
          result.contradicted.falsePositive += 1;
          result.errors.push(`${c.id}: "${label.contains}" is not ${label.not}, engine says so`);
        }
        continue;
      }
      for (const verdict of ['contradicted', 'supported'] as const) {
        const t = result[verdict];
        if (label.verdict === verdict && got === verdict) t.truePositive += 1;
        else if (label.verdict === verdict) t.falseNegative += 1;
        else if (got === verdict) t.falsePositive += 1;
      }
      // The verdict is right: so must be the fact it rests on, when the label names it.
      if (label.factId !== undefined && got === label.verdict && got !== 'unverified') {
        result.facts.total += 1;
        if (claim!.checks.some((k) => k.factId === label.factId && k.verdict === got))
          result.facts.right += 1;
        else
          result.errors.push(
            `${c.id}: "${label.contains}" is ${got} by ${label.factId}, engine rests it on ${claim!.checks.map((k) => `${k.factId}:${k.verdict}`).join(', ')}`,
          );
      }
      if (got !== label.verdict) {
        const why = claim
          ? ` (${claim.checks.map((k) => `${k.factId}:${k.verdict}`).join(', ')})`
          : '';
        result.errors.push(
          `${c.id}: "${label.contains}" is ${label.verdict}, engine says ${got}${why}`,
        );
      }
    }
    // A contradiction on a sentence nobody labelled is a false contradiction
    // too; so is a support, where the labels are exhaustive.
    for (const claim of report.claims) {
      if (claim.verdict !== 'contradicted' && !(exhaustive && claim.verdict === 'supported'))
        continue;
      if (labelled.some(({ claim: k }) => k === claim)) continue;
      const verdict = claim.verdict as 'contradicted' | 'supported';
      result[verdict].falsePositive += 1;
      result.errors.push(`${c.id}: unlabelled sentence ${verdict}: "${claim.text.slice(0, 80)}"`);
    }

    for (const label of c.quotes) {
      const at = c.text.indexOf(label.contains);
      const span = { start: at, end: at + label.contains.length };
      const quote = report.quotes.find((q) => overlaps(q, span));
      result.quotes.total += 1;
      if (quote?.fidelity === label.fidelity) {
        result.quotes.right += 1;
        if (label.changes && label.fidelity === 'altered') {
          result.changes.total += 1;
          const shown = (quote.changes ?? []).map(changeLabel);
          if (sameChanges(label.changes, shown)) result.changes.right += 1;
          else
            result.errors.push(
              `${c.id}: quote "${label.contains.slice(0, 40)}" changes ${JSON.stringify(label.changes)}, engine shows ${JSON.stringify(shown)}`,
            );
        }
      } else {
        result.errors.push(
          `${c.id}: quote "${label.contains.slice(0, 40)}" is ${label.fidelity}, engine says ${quote?.fidelity ?? 'none'}`,
        );
      }
    }
  }
  return result;
}

/** Two scores added up, as if their sets were one. */
export function combine(a: Score, b: Score): Score {
  const add = (x: Tally, y: Tally): Tally => ({
    truePositive: x.truePositive + y.truePositive,
    falsePositive: x.falsePositive + y.falsePositive,
    falseNegative: x.falseNegative + y.falseNegative,
  });
  return {
    mentions: add(a.mentions, b.mentions),
    contradicted: add(a.contradicted, b.contradicted),
    supported: add(a.supported, b.supported),
    quotes: { right: a.quotes.right + b.quotes.right, total: a.quotes.total + b.quotes.total },
    facts: { right: a.facts.right + b.facts.right, total: a.facts.total + b.facts.total },
    changes: { right: a.changes.right + b.changes.right, total: a.changes.total + b.changes.total },
    errors: [...a.errors, ...b.errors],
  };
}

/** The score as a table a person can read. */
export function formatScore(s: Score, cases: number): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const row = (name: string, t: Tally) =>
    `${name.padEnd(14)} precision ${pct(precision(t)).padStart(7)}   recall ${pct(recall(t)).padStart(7)}   ` +
    `(tp ${t.truePositive}, fp ${t.falsePositive}, fn ${t.falseNegative})`;
  return [
    `evaluation set: ${cases} texts`,
    row('mentions', s.mentions),
    row('contradicted', s.contradicted),
    row('supported', s.supported),
    `quotations     fidelity right ${s.quotes.right}/${s.quotes.total}`,
    `facts          right verdicts on the labelled fact ${s.facts.right}/${s.facts.total}`,
    `changes        altered quotations showing the labelled changes ${s.changes.right}/${s.changes.total}`,
  ].join('\n');
}
