// Finds a system browser for the tests and checks: Debian's Chromium or Firefox ESR (no npm
// package may download a browser here). An environment variable names another binary.
import { existsSync } from 'node:fs';

const BROWSERS = {
  chromium: {
    env: 'CHROME_PATH',
    candidates: [
      '/usr/lib/chromium/chromium', // Debian's binary (/usr/bin/chromium is a shell wrapper)
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ],
    hint: 'No Chromium found: install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROME_PATH to a Chrome or Chromium binary.',
  },
  firefox: {
    env: 'FIREFOX_PATH',
    candidates: ['/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox'],
    hint: 'No Firefox found: install one (Debian: `sudo apt-get install -y firefox-esr`) or set FIREFOX_PATH.',
  },
};

/** The path of a usable `chromium` or `firefox`, or undefined. Its environment variable wins when set. */
export function findBrowser(name) {
  const { env, candidates } = BROWSERS[name];
  const fromEnv = process.env[env];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return candidates.find((path) => existsSync(path));
}

/** The path of `name`, or exits with a hint on how to install it. */
export function requireBrowser(name) {
  const path = findBrowser(name);
  if (path) return path;
  console.error(BROWSERS[name].hint);
  process.exit(1);
}

/** Flags Chromium needs here: root in a container, no outside hosts. */
export const CHROME_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];
