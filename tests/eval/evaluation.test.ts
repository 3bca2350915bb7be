import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatScore,
  loadCases,
  precision,
  recall,
  score,
  type Reported,
  type Score,
} from './score.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const cases = loadCases();

/** The thresholds of issue 3, which the evaluation set must meet. */
const MIN_MENTION_PRECISION = 0.98;
const MIN_MENTION_RECALL = 0.95;
const MIN_SUPPORTED_RECALL = 0.9;

describe('the check command on the evaluation set', () => {
  let dir: string;
  let result: Score;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'casefile-eval-'));
    const files = cases.map((c) => {
      const file = join(dir, `${c.id}.txt`);
      writeFileSync(file, c.text);
      return file;
    });
    // One run of the real command line over every text, as a moderator would pipe a batch.
    const out = execFileSync(
      process.execPath,
      [resolve(ROOT, 'scripts/check.ts'), '--json', ...files],
      {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const reports = new Map<string, Reported>();
    for (const line of out.trim().split('\n')) {
      const report = JSON.parse(line) as Reported & { file: string };
      reports.set(basename(report.file, '.txt'), report);
    }
    result = score(cases, reports);
    console.log(`${formatScore(result, cases.length)}\n\n${result.errors.join('\n')}`);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds at least 60 labelled texts in French and English', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(cases.filter((c) => c.language === 'fr').length).toBeGreaterThanOrEqual(20);
    expect(cases.filter((c) => c.language === 'en').length).toBeGreaterThanOrEqual(20);
  });

  it(`finds mentions with precision ≥ ${MIN_MENTION_PRECISION} and recall ≥ ${MIN_MENTION_RECALL}`, () => {
    expect(precision(result.mentions)).toBeGreaterThanOrEqual(MIN_MENTION_PRECISION);
    expect(recall(result.mentions)).toBeGreaterThanOrEqual(MIN_MENTION_RECALL);
  });

  it('never says contradicted where the sources do not exclude the claim', () => {
    expect(result.contradicted.falsePositive).toBe(0);
  });

  it('finds the contradictions the labels name', () => {
    expect(result.contradicted.truePositive).toBeGreaterThan(0);
    expect(recall(result.contradicted)).toBeGreaterThanOrEqual(0.8);
  });

  it(`supports claims with recall ≥ ${MIN_SUPPORTED_RECALL}`, () => {
    expect(recall(result.supported)).toBeGreaterThanOrEqual(MIN_SUPPORTED_RECALL);
  });

  it('traces quotations to the right fidelity', () => {
    expect(result.quotes.total).toBeGreaterThan(0);
    expect(result.quotes.right / result.quotes.total).toBeGreaterThanOrEqual(0.9);
  });
});
