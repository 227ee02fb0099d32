// Finds a system Firefox (Debian's firefox-esr): no npm package may download a browser here.
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox'];

/** The path of a usable Firefox, or undefined. `FIREFOX_PATH` wins when set. */
export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

export const FIREFOX_HINT =
  'No Firefox found: install one (Debian: `sudo apt-get install -y firefox-esr`) or set FIREFOX_PATH.';
