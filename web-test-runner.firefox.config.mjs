// The test suite in Firefox: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi,
// through @web/test-runner-chrome's launcher given puppeteer-core as a custom puppeteer (it then
// passes `browser: 'firefox'` through to puppeteer.launch). Everything else is the Chromium config.
import * as puppeteer from 'puppeteer-core';
import { chromeLauncher } from '@web/test-runner-chrome';
import base from './web-test-runner.config.mjs';
import { findBrowser } from './scripts/browsers.mjs';
import { FIREFOX_MEDIA_ENV } from './scripts/firefox-media.mjs';

export default {
  ...base,
  browsers: [
    chromeLauncher({
      puppeteer: puppeteer.default ?? puppeteer,
      launchOptions: {
        browser: 'firefox',
        executablePath: findBrowser('firefox'),
        headless: true,
        // For od-emulate-media: media features come from Firefox's preferences (scripts/firefox-media.mjs).
        env: { ...process.env, ...FIREFOX_MEDIA_ENV },
      },
    }),
  ],
};
