/**
 * `npm test`: every check the project has, in the order CI runs them —
 * format, lint, typecheck, unit tests, build, real-browser tests — then one
 * closing line `N passed, N failed` for the whole run. Each static check
 * counts as one test; each Vitest test counts as one. Runs every step even
 * after a failure (but skips the browser tests when the build fails), and
 * exits non-zero when anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureChromium } from './lib/chromium.ts';

const ROOT = resolve(import.meta.dirname, '..');
const REPORTS = resolve(ROOT, '.cache/test-reports');

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];

function run(command: string, args: string[]): boolean {
  console.log(`\n▶ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
  return result.status === 0;
}

/** A check that passes or fails as a whole. */
function check(name: string, command: string, args: string[]): boolean {
  const ok = run(command, args);
  if (ok) total.passed += 1;
  else {
    total.failed += 1;
    failures.push(name);
  }
  return ok;
}

/** A Vitest run, counted test by test from its JSON report. */
function vitest(name: string, args: string[]): void {
  const report = resolve(REPORTS, `${name}.json`);
  rmSync(report, { force: true });
  const ok = run('npx', [
    'vitest',
    'run',
    ...args,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  if (!existsSync(report)) {
    total.failed += 1;
    failures.push(`${name} (no report: Vitest did not finish)`);
    return;
  }
  const json = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numFailedTestSuites: number;
  };
  total.passed += json.numPassedTests;
  total.failed += json.numFailedTests;
  total.skipped += json.numPendingTests + json.numTodoTests;
  if (json.numFailedTests > 0) failures.push(`${name}: ${json.numFailedTests} failed`);
  // A file that fails to load has no tests to count: count the file.
  if (json.numFailedTestSuites > 0 && json.numFailedTests === 0) {
    total.failed += json.numFailedTestSuites;
    failures.push(`${name}: ${json.numFailedTestSuites} test files failed to run`);
  }
  if (!ok && json.numFailedTests === 0 && json.numFailedTestSuites === 0) {
    total.failed += 1;
    failures.push(`${name}: Vitest exited with an error`);
  }
}

mkdirSync(REPORTS, { recursive: true });
check('format', 'npx', ['prettier', '--check', '.']);
check('lint', 'npx', ['eslint', '.']);
check('typecheck', 'npx', ['tsc', '--noEmit']);
vitest('unit', []);
if (check('build', 'npx', ['wxt', 'build'])) {
  try {
    ensureChromium();
    vitest('browser', ['--config', 'vitest.browser.config.ts']);
  } catch (error) {
    total.failed += 1;
    failures.push(`browser: ${(error as Error).message}`);
  }
} else {
  failures.push('browser tests not run: the build failed');
}

console.log('');
if (failures.length > 0) console.log(`Failed:\n  ${failures.join('\n  ')}`);
const skipped = total.skipped > 0 ? `, ${total.skipped} skipped` : '';
console.log(`${total.passed} passed, ${total.failed} failed${skipped}`);
process.exit(total.failed > 0 ? 1 : 0);
