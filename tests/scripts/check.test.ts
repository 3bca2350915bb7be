import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CHECK = resolve(ROOT, 'scripts/check.ts');

function check(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [CHECK, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const POST =
  'Le site coco.gg a été fermé le 25 juin 2024. Entre 2021 et 2024, 32 051 procédures judiciaires en lien avec Coco ont été ouvertes.';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'casefile-check-'));
  writeFileSync(join(dir, 'post.txt'), POST);
  writeFileSync(
    join(dir, 'page.html'),
    `<!doctype html><html><head><title>Coco</title><script>var coco = "coco.gg fermé en 2019";</script>
     <style>.coco{}</style></head><body><nav>Menu</nav><article><h1>Coco fermé</h1>
     <p>Le site <b>coco.gg</b> a été fermé le 25 juin 2024 par la justice.</p>
     <p hidden>Le site coco.gg a été fermé en 2019.</p></article></body></html>`,
  );
  writeFileSync(join(dir, 'recipe.txt'), 'Ajoutez le lait de coco et la noix de coco râpée.');
});

describe('check --json', () => {
  it('prints one JSON object per file with mentions, claims and their checks', () => {
    const { status, stdout } = check(['--json', join(dir, 'post.txt'), join(dir, 'recipe.txt')]);
    expect(status).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    const [post, recipe] = lines;
    expect(post.file).toBe(join(dir, 'post.txt'));
    expect(post.language).toBe('fr');
    expect(post.mentions.map((m: { text: string }) => m.text)).toContain('coco.gg');
    const verdicts = post.claims.map((c: { verdict: string }) => c.verdict);
    expect(verdicts).toEqual(['supported', 'contradicted']);
    const contradicted = post.claims[1];
    expect(POST.slice(contradicted.start, contradicted.end)).toBe(contradicted.text);
    expect(contradicted.checks[0]).toMatchObject({
      factId: 'proceedings-2021-2024',
      verdict: 'contradicted',
      evidence: { sourceId: 'parquet-paris-communique-2024-06-25' },
    });
    expect(contradicted.reason).toMatch(/32,051.*23,051/);
    expect(recipe).toMatchObject({ mentions: [], claims: [], quotes: [] });
  });

  it('checks only the visible text of an HTML file', () => {
    const { status, stdout } = check(['--json', join(dir, 'page.html')]);
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    const texts = report.claims.map((c: { text: string }) => c.text).join(' ');
    expect(texts).toContain('25 juin 2024');
    expect(texts).not.toContain('2019');
    expect(report.claims.every((c: { verdict: string }) => c.verdict !== 'contradicted')).toBe(
      true,
    );
  });

  it('reads standard input for -', () => {
    const { status, stdout } = check(['--json', '-'], POST);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ file: '-', language: 'fr' });
  });
});

describe('check (readable report)', () => {
  it('names each verdict, its reason and its source passage', () => {
    const { status, stdout } = check([join(dir, 'post.txt')]);
    expect(status).toBe(0);
    expect(stdout).toContain('✗ contradicted');
    expect(stdout).toContain('✓ supported');
    expect(stdout).toMatch(/source: parquet-paris-communique-2024-06-25/);
  });
});

describe('check --lang', () => {
  it.each([
    ['en', '32,051 stated; the sources say 23,051'],
    ['fr', '32\u202f051 affirmé ; les sources indiquent 23\u202f051'],
  ])('gives reasons in %s, in the report and in the JSON', (lang, reason) => {
    const text = check(['--lang', lang, join(dir, 'post.txt')]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(reason);
    const json = JSON.parse(check([`--lang=${lang}`, '--json', join(dir, 'post.txt')]).stdout) as {
      claims: { reason: string; checks: { reason: string }[] }[];
    };
    expect(json.claims.map((c) => c.reason)).toContain(reason);
    expect(json.claims.flatMap((c) => c.checks.map((k) => k.reason))).toContain(reason);
  });
});

describe('check errors', () => {
  it.each([
    [
      ['--json', '/nonexistent/post.txt'],
      /^check: cannot read \/nonexistent\/post\.txt: no such file\n$/,
    ],
    [['--frobnicate', 'x.txt'], /^check: unknown option --frobnicate\n$/],
    [['--lang', 'de', 'x.txt'], /^check: --lang takes fr or en, not de\n$/],
    [[], /^check: usage: /],
  ])('exits 2 with one line on standard error for %j', (args, message) => {
    const { status, stdout, stderr } = check(args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
