import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkText,
  checkTextSteps,
  createEngine,
  type Engine,
  type TextReport,
} from '../../lib/check-text.ts';
import { seedPack } from '../helpers/seed-files.ts';

let engine: Engine;
beforeAll(async () => {
  const { pack, sources } = await seedPack();
  engine = createEngine(pack.facts, sources);
});

const verdictOf = (report: TextReport, fragment: string) =>
  report.claims.find((c) => c.text.includes(fragment))?.verdict ?? 'none';

/** Every span the engine reports slices the input it was given. */
function expectSpansSlice(text: string, report: TextReport) {
  for (const m of report.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  for (const c of report.claims) expect(text.slice(c.start, c.end)).toBe(c.text);
  for (const q of report.quotes) expect(text.slice(q.start, q.end)).toBe(q.text);
}

describe('checkText', () => {
  it.each([
    ['Le site Coco a été fermé le 25 juin 2024.', 'fermé', 'supported'],
    ['Le site Coco a été fermé le 25 juillet 2024.', 'fermé', 'contradicted'],
    ['The Coco chat site was shut down on June 25, 2024.', 'shut down', 'supported'],
    [
      'Selon le parquet, plus de 23 000 procédures liées à Coco ont été ouvertes.',
      '23 000',
      'supported',
    ],
    [
      'Selon le parquet, 32 051 procédures liées à Coco ont été ouvertes.',
      '32 051',
      'contradicted',
    ],
    [
      'More than 23,000 proceedings linked to the Coco platform were opened.',
      '23,000',
      'supported',
    ],
    ['Le site coco.gg a fait 480 victimes selon le parquet.', '480', 'supported'],
    ['Le site coco.gg a fait 4 800 victimes selon le parquet.', '4 800', 'contradicted'],
    [
      'Soixante-dix parquets ont transmis des procédures impliquant coco.fr.',
      'parquets',
      'supported',
    ],
    ['La plateforme Coco était immatriculée à Guernesey.', 'immatricul', 'supported'],
    ['La plateforme Coco était immatriculée à Malte.', 'immatricul', 'contradicted'],
    ['Le site de tchat Coco attirait 800 000 visiteurs par mois.', 'visiteurs', 'unverified'],
    [
      'Après la fermeture du site Coco, une amende de 500 000 euros a été requise contre un autre site, sans lien avec 480 victimes.',
      'amende',
      'unverified',
    ],
    ['Coco fermé en juillet ?', 'juillet', 'unverified'],
    [
      'Le site coco.gg n’a pas été fermé en juillet, contrairement à ce qui circule.',
      'juillet',
      'unverified',
    ],
  ])('%s → %s is %s', (text, fragment, verdict) => {
    const report = checkText(engine, text);
    expect(verdictOf(report, fragment)).toBe(verdict);
    expectSpansSlice(text, report);
  });

  it('explains every verdict and cites a passage for every check', () => {
    const text =
      'Le site coco.gg a été fermé le 25 juin 2024. Entre 2021 et 2024, 32 051 procédures liées à Coco ont été ouvertes.';
    const report = checkText(engine, text);
    for (const claim of report.claims) {
      expect(claim.reason.length).toBeGreaterThan(0);
      for (const check of claim.checks) {
        const source = engine.sources.find((s) => s.id === check.evidence.sourceId);
        expect(source?.text.slice(check.evidence.start, check.evidence.end)).toBe(
          check.evidence.exact,
        );
      }
    }
  });

  it('supports a figure credited to the wrong speaker, and says who asserts it', () => {
    const report = checkText(
      engine,
      'Selon Gérald Darmanin, plus de 23 000 procédures liées à Coco ont été ouvertes.',
    );
    const [claim] = report.claims;
    expect(claim?.verdict).toBe('supported');
    expect(claim?.reason).toMatch(/attribute this to Parquet de Paris, not Gérald Darmanin/);
  });

  it.each([
    ['a question', 'Le site Coco a-t-il été fermé en juillet 2024 ?'],
    ['a negation', 'Non, le site Coco n’a pas été fermé en juillet 2024.'],
    ['a rumour', 'Des rumeurs prétendent que le site Coco a été fermé en juillet 2024.'],
    [
      'a seizure on another day',
      'Le site Coco a été fermé ; des serveurs ont été saisis le 3 juillet 2024.',
    ],
    [
      'a prison term in another trial',
      'Un utilisateur du site Coco a été condamné à 20 ans de réclusion.',
    ],
    [
      'a site age measured before the shutdown',
      'Le site Coco, lancé il y a dix ans, compte des milliers de salons.',
    ],
  ])('does not contradict %s', (_name, text) => {
    const report = checkText(engine, text);
    expect(report.aboutCase).toBe(true);
    expect(report.claims.map((c) => c.verdict)).not.toContain('contradicted');
  });

  it('finds nothing to check in a page that is not about the case', () => {
    const text =
      'Le 25 juin 2024, 480 victimes des inondations ont été recensées. Ajoutez 200 ml de lait de coco. Coco Chanel, 1883.';
    expect(checkText(engine, text)).toMatchObject({
      aboutCase: false,
      mentions: [],
      claims: [],
      quotes: [],
    });
  });

  it('never throws and returns spans that slice any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (tail) => {
        const text = `Le site coco.gg a été fermé. ${tail}`;
        expectSpansSlice(text, checkText(engine, text));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['digits', '2'.repeat(200_000)],
    ['spaces and digits', '23 '.repeat(70_000)],
    ['quote marks', '« " “ '.repeat(40_000)],
    ['a repeated word', 'coco '.repeat(40_000)],
    ['dots', 'coco.'.repeat(40_000)],
  ])('finishes on 200 000 characters of %s', (_name, filler) => {
    const text = `Le site coco.gg a été fermé le 25 juin 2024. ${filler}`;
    const report = checkText(engine, text);
    expect(report.aboutCase).toBe(true);
    expectSpansSlice(text, report);
  });
});

describe('checkTextSteps', () => {
  const cases = (
    JSON.parse(readFileSync(resolve(import.meta.dirname, '../eval/cases.json'), 'utf8')) as {
      cases: { text: string }[];
    }
  ).cases.map((c) => c.text);

  function runSteps(text: string, perStep: number): { report: TextReport; pauses: number } {
    const steps = checkTextSteps(engine, text, perStep);
    let pauses = 0;
    let step = steps.next();
    while (!step.done) {
      pauses++;
      step = steps.next();
    }
    return { report: step.value, pauses };
  }

  it('gives exactly what checkText gives, whatever the step size', () => {
    const all = cases.join('\n\n');
    for (const text of [...cases, all]) {
      const whole = checkText(engine, text);
      for (const perStep of [1, 3, 16]) expect(runSteps(text, perStep).report).toEqual(whole);
    }
  });

  it('pauses more often with smaller steps, on a long text about the case', () => {
    const all = cases.join('\n\n');
    const fine = runSteps(all, 4).pauses;
    const coarse = runSteps(all, 64).pauses;
    expect(coarse).toBeGreaterThan(1);
    expect(fine).toBeGreaterThan(coarse * 4);
  });
});
