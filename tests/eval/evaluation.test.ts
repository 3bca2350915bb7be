import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  combine,
  formatScore,
  loadCases,
  loadRealWorldCases,
  missingLabels,
  precision,
  recall,
  score,
  type EvalCase,
  type Reported,
  type Score,
} from './score.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const cases = loadCases();
const realWorld = loadRealWorldCases();

/** The thresholds of issues 3 and 11, which the evaluation sets must meet. */
const MIN_MENTION_PRECISION = 0.98;
const MIN_MENTION_RECALL = 0.95;
const MIN_SUPPORTED_RECALL = 0.9;
const MIN_SUPPORTED_PRECISION = 0.95;
/**
 * Of the right verdicts whose label names a fact, the share resting on that
 * fact (issue 15: 84 % when first scored, 89 % once a value several facts
 * speak to rests on the closest one). What remains is mostly sentences that
 * state two facts at once, of which the label names one.
 */
const MIN_RIGHT_FACT = 0.89;
/** Of the altered quotations whose label names the changes, the share showing just those. */
const MIN_RIGHT_CHANGES = 0.85;

/** One run of the real command line over every text, as a moderator would pipe a batch. */
function runCheck(dir: string, set: readonly EvalCase[]): Map<string, Reported> {
  const files = set.map((c) => {
    const file = join(dir, `${c.id}.txt`);
    writeFileSync(file, c.text);
    return file;
  });
  const out = execFileSync(
    process.execPath,
    [resolve(ROOT, 'scripts/check.ts'), '--json', ...files],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const reports = new Map<string, Reported>();
  for (const line of out.trim().split('\n')) {
    const report = JSON.parse(line) as Reported & { file: string };
    reports.set(basename(report.file, '.txt'), report);
  }
  return reports;
}

describe('the check command on the evaluation sets', () => {
  let dir: string;
  let first: Score;
  let real: Score;
  let both: Score;
  let realReports: Map<string, Reported>;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'casefile-eval-'));
    first = score(cases, runCheck(dir, cases));
    realReports = runCheck(dir, realWorld);
    real = score(realWorld, realReports, { exhaustive: true });
    both = combine(first, real);
    console.log(
      [
        formatScore(first, cases.length),
        formatScore(real, realWorld.length).replace('evaluation set', 'real-world set'),
        formatScore(both, cases.length + realWorld.length).replace('evaluation set', 'both sets'),
        '',
        ...both.errors,
      ].join('\n'),
    );
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds at least 60 labelled texts in French and English in each set', () => {
    for (const set of [cases, realWorld]) {
      expect(set.length).toBeGreaterThanOrEqual(60);
      expect(set.filter((c) => c.language === 'fr').length).toBeGreaterThanOrEqual(20);
      expect(set.filter((c) => c.language === 'en').length).toBeGreaterThanOrEqual(20);
    }
  });

  it('has real-world texts of 300 to 2,500 characters with unique ids', () => {
    const lengths = realWorld.map((c) => c.text.length);
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(300);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(2500);
    const ids = [...cases, ...realWorld].map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('labels only words that occur in their text', () => {
    const missing = [...cases, ...realWorld].flatMap((c) =>
      missingLabels(c).map((contains) => `${c.id}: "${contains}"`),
    );
    expect(missing).toEqual([]);
  });

  it(`finds mentions with precision ≥ ${MIN_MENTION_PRECISION} and recall ≥ ${MIN_MENTION_RECALL} in each set`, () => {
    for (const s of [first, real]) {
      expect(precision(s.mentions)).toBeGreaterThanOrEqual(MIN_MENTION_PRECISION);
      expect(recall(s.mentions)).toBeGreaterThanOrEqual(MIN_MENTION_RECALL);
    }
  });

  it('never says contradicted where the sources do not exclude the claim', () => {
    expect(first.contradicted.falsePositive).toBe(0);
    expect(real.contradicted.falsePositive).toBe(0);
  });

  it('finds the contradictions the labels name', () => {
    expect(both.contradicted.truePositive).toBeGreaterThan(0);
    expect(recall(first.contradicted)).toBeGreaterThanOrEqual(0.8);
  });

  it(`supports claims with precision ≥ ${MIN_SUPPORTED_PRECISION} and recall ≥ ${MIN_SUPPORTED_RECALL} over both sets`, () => {
    expect(precision(real.supported)).toBeGreaterThanOrEqual(MIN_SUPPORTED_PRECISION);
    expect(precision(both.supported)).toBeGreaterThanOrEqual(MIN_SUPPORTED_PRECISION);
    expect(recall(both.supported)).toBeGreaterThanOrEqual(MIN_SUPPORTED_RECALL);
  });

  it(`rests at least ${MIN_RIGHT_FACT * 100} % of right verdicts on the fact their label names`, () => {
    expect(both.facts.total).toBeGreaterThan(500);
    expect(both.facts.right / both.facts.total).toBeGreaterThanOrEqual(MIN_RIGHT_FACT);
  });

  it(`shows the labelled changes of at least ${MIN_RIGHT_CHANGES * 100} % of altered quotations`, () => {
    expect(both.changes.total).toBeGreaterThan(5);
    expect(both.changes.right / both.changes.total).toBeGreaterThanOrEqual(MIN_RIGHT_CHANGES);
  });

  it('traces quotations to the right fidelity', () => {
    expect(both.quotes.total).toBeGreaterThan(0);
    expect(both.quotes.right / both.quotes.total).toBeGreaterThanOrEqual(0.9);
  });

  it('recognises a long feature whose first line names the site without any cue word', () => {
    const report = realReports.get('rw-en-longform-dark')!;
    const c = realWorld.find((k) => k.id === 'rw-en-longform-dark')!;
    expect(report.mentions.length).toBeGreaterThan(0);
    // Its first line: "Coco" with no case word around it, known from the rest of the page.
    const firstLine = c.text.indexOf('\n');
    expect(report.mentions.some((m) => m.end <= firstLine)).toBe(true);
    const wanted = c.claims.filter((l) => 'verdict' in l && l.verdict === 'supported');
    expect(wanted.length).toBeGreaterThanOrEqual(7);
    for (const label of wanted) {
      const at = c.text.indexOf(label.contains);
      const claim = report.claims.find((k) => k.start <= at && at < k.end);
      expect(claim?.verdict, label.contains).toBe('supported');
    }
  });

  it('finds nothing on a page about a restaurant named CoCo that may close', () => {
    const report = realReports.get('rw-fr-neg-restaurant-lyon')!;
    expect(report.mentions).toEqual([]);
    expect(report.claims).toEqual([]);
  });
});
