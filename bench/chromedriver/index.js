// tachometer asks the `chromedriver` package for `path`; no driver is ever downloaded.
const { existsSync } = require('node:fs');

const candidates = [
  process.env.CHROMEDRIVER_FILEPATH,
  '/usr/bin/chromedriver',
  '/usr/lib/chromium/chromedriver',
];
exports.path = candidates.find((path) => path && existsSync(path)) ?? '/usr/bin/chromedriver';
