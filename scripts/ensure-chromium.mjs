// Finds a Chromium for the browser tests and prints its path. Order: $CHROME_PATH, the usual
// Debian/Ubuntu paths, then PATH. On Debian as root with none present, installs Debian's
// `chromium` package. Anywhere else it stops with a message saying how to get one.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

function onPath(name) {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

function findChromium() {
  if (process.env.CHROME_PATH && existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
  for (const path of CANDIDATES) if (existsSync(path)) return path;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const path = onPath(name);
    if (path) return path;
  }
  return null;
}

export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (existsSync('/etc/debian_version') && isRoot) {
    console.error('No Chromium found: installing Debian’s chromium package (apt-get install -y chromium)…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = findChromium();
    if (installed) return installed;
  }
  console.error(
    [
      'No Chromium or Chrome was found for the browser tests.',
      'Install one and run the tests again, or point CHROME_PATH at it:',
      '  Debian/Ubuntu:  sudo apt-get install -y chromium',
      '  macOS:          CHROME_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" npm test',
      '  elsewhere:      CHROME_PATH=/path/to/chrome npm test',
    ].join('\n'),
  );
  process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(ensureChromium());
}
