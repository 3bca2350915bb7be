/**
 * `npm run -s check -- [--json] [--lang fr|en] FILE...` (CONTRACT §3): runs
 * the engine of lib/ on text or HTML files, or `-` for standard input, and
 * prints a readable report, or one JSON object per file with --json. Reasons
 * are in English, or in French with `--lang fr`.
 * Exit status: 0 when every file was checked, 2 for a missing or unreadable
 * file or a bad option (with a one-line message on standard error).
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseHTML } from 'linkedom';
import { checkText, createEngine, type TextReport } from '../lib/check-text.ts';
import { extractVisibleText } from '../lib/text/visible-text.ts';
import { seedPack } from './lib/seed-files.ts';

const USAGE =
  'usage: npm run -s check -- [--json] [--lang fr|en] FILE...   (FILE may be - for standard input)';

function fail(message: string): never {
  process.stderr.write(`check: ${message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
let json = false;
let lang: 'fr' | 'en' = 'en';
const files: string[] = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg === '--json') json = true;
  else if (arg === '--lang' || arg.startsWith('--lang=')) {
    const value = arg === '--lang' ? args[++i] : arg.slice('--lang='.length);
    if (value !== 'fr' && value !== 'en') fail(`--lang takes fr or en, not ${value ?? 'nothing'}`);
    lang = value;
  } else if (arg.startsWith('-') && arg !== '-') fail(`unknown option ${arg}`);
  else files.push(arg);
}
if (files.length === 0) fail(USAGE);

/** The text to check in a file: its visible text for HTML, the file itself otherwise. */
function textOf(file: string): string {
  let raw: string;
  try {
    raw = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : (error as Error).message;
    fail(`cannot read ${file}: ${why}`);
  }
  const ext = extname(file).toLowerCase();
  if (ext === '.html' || ext === '.htm') {
    const { document } = parseHTML(raw);
    return extractVisibleText(document).text;
  }
  return raw;
}

const VERDICT_MARK = {
  supported: '✓ supported',
  contradicted: '✗ contradicted',
  unverified: '? unverified',
};
const FIDELITY_MARK = {
  exact: '= exact',
  altered: '≠ altered',
  unsourced: '∅ unsourced',
  translated: '⇄ translated',
};

function oneLine(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function printReport(file: string, report: TextReport): void {
  const counts = { supported: 0, contradicted: 0, unverified: 0 };
  for (const claim of report.claims) counts[claim.verdict] += 1;
  console.log(`${file} (${report.language})`);
  if (!report.aboutCase) {
    console.log('  not about the Coco case: nothing to check\n');
    return;
  }
  console.log(
    `  ${report.mentions.length} mentions · ${report.claims.length} claims: ${counts.contradicted} contradicted, ` +
      `${counts.supported} supported, ${counts.unverified} unverified · ` +
      `${report.quotes.length} quotation${report.quotes.length === 1 ? '' : 's'}`,
  );
  for (const claim of report.claims) {
    console.log(`\n  ${VERDICT_MARK[claim.verdict]}  “${oneLine(claim.text)}”`);
    console.log(`     ${claim.reasons[lang]}`);
    const check = claim.checks.find((c) => c.verdict === claim.verdict) ?? claim.checks[0];
    if (check)
      console.log(
        `     source: ${check.evidence.sourceId} — “${oneLine(check.evidence.exact, 140)}”`,
      );
    else if (claim.nearest)
      console.log(
        `     closest fact (not the same claim): ${claim.nearest.factId} — “${oneLine(claim.nearest.evidence.exact, 140)}”`,
      );
  }
  for (const quote of report.quotes) {
    console.log(`\n  ${FIDELITY_MARK[quote.fidelity]} quotation “${oneLine(quote.text, 120)}”`);
    if (quote.sourceId) console.log(`     source: ${quote.sourceId}`);
    if (quote.diff) console.log(`     diff: ${oneLine(quote.diff, 200)}`);
  }
  console.log('');
}

function toJson(file: string, report: TextReport) {
  return {
    file,
    language: report.language,
    mentions: report.mentions.map(({ text, start, end, kind, reasons }) => ({
      text,
      start,
      end,
      kind,
      reason: reasons[lang],
    })),
    claims: report.claims.map(({ text, start, end, verdict, reasons, checks, nearest }) => ({
      text,
      start,
      end,
      verdict,
      reason: reasons[lang],
      checks: checks.map(({ factId, verdict: v, reasons: r, evidence }) => ({
        factId,
        verdict: v,
        reason: r[lang],
        evidence,
      })),
      ...(nearest ? { nearest } : {}),
    })),
    quotes: report.quotes.map(
      ({ text, start, end, fidelity, sourceId, sourceText, diff, changes, marked }) => ({
        text,
        start,
        end,
        fidelity,
        marked,
        sourceId: sourceId ?? null,
        sourceText: sourceText ?? null,
        diff,
        changes,
      }),
    ),
  };
}

const texts = files.map((file) => [file, textOf(file)] as const);
const { pack, sources } = await seedPack();
const engine = createEngine(pack.facts, sources);
for (const [file, text] of texts) {
  const report = checkText(engine, text);
  if (json) process.stdout.write(`${JSON.stringify(toJson(file, report))}\n`);
  else printReport(file, report);
}
