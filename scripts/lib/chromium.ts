/**
 * Finding (and on Debian, installing) the Chromium the project drives.
 * Never downloads a browser build of its own: Debian's `chromium` package is
 * the one supported here; `CASEFILE_CHROMIUM` points at any other.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** Path of a Chromium executable, or undefined when none is found. */
export function findChromium(): string | undefined {
  const chosen = process.env.CASEFILE_CHROMIUM;
  if (chosen) return existsSync(chosen) ? chosen : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

/**
 * Path of Chromium, installing Debian's package first when it is missing and
 * we are root on a machine with apt-get. Throws with what to do otherwise.
 */
export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  if (process.env.CASEFILE_CHROMIUM) {
    throw new Error(`CASEFILE_CHROMIUM=${process.env.CASEFILE_CHROMIUM} does not exist.`);
  }
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    throw new Error(
      'Chromium was not found. Install it (Debian: `sudo apt-get install chromium`) ' +
        'or set CASEFILE_CHROMIUM to the path of a Chromium or Chrome executable.',
    );
  }
  console.log('Chromium is missing: installing Debian’s chromium package (apt-get)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync(
    'apt-get',
    ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'],
    {
      stdio: 'inherit',
      env,
    },
  );
  const installed = findChromium();
  if (!installed) throw new Error('apt-get installed chromium, but no executable was found.');
  return installed;
}
