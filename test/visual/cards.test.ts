/**
 * Screenshot baselines of every card in the light and dark themes, the Acme partner theme and right
 * to left (Arabic), compared pixel by pixel with test/visual/__baselines__ (the plugin's options are
 * in web-test-runner.config.mjs). An unexpected change fails; after an intended one, run
 * `npm run test:update-visual` and commit the new pictures.
 *
 * The pictures are deterministic: controlled `data`, a frozen clock, the UTC time zone, a fixed
 * width and fonts named outright (DejaVu, which Debian's Chromium installs) rather than the
 * platform's `system-ui`.
 */
import { visualDiff } from '@web/test-runner-visual-regression';
import { render } from 'lit';
import {
  ACME_STRINGS,
  ACME_TAGS,
  ACME_TOKENS,
  acmeHeading,
  defineAcmeCards,
} from '../../stories/support/acme.js';
import { skipInFirefox } from '../helpers/browsers.js';
import { CARD_TITLE_KEYS } from '../helpers/dashboard.js';
import { until } from '../helpers/data.js';
import { CARDS, emulate, freezeClock, renderCard, type RenderOptions } from '../theming/cards.js';

const FONTS = "--od-font-family: 'DejaVu Sans'; --od-font-family-mono: 'DejaVu Sans Mono'";

interface Variant {
  name: string;
  scheme: 'light' | 'dark';
  options: (tag: keyof typeof ACME_TAGS) => RenderOptions;
}

const VARIANTS: Variant[] = [
  { name: 'light', scheme: 'light', options: () => ({ style: `${FONTS}; background: #fff` }) },
  { name: 'dark', scheme: 'dark', options: () => ({ style: `${FONTS}; background: #0d1117` }) },
  {
    name: 'acme',
    scheme: 'light',
    options: (tag) => ({
      tag: ACME_TAGS[tag],
      style: `${ACME_TOKENS}; background: #f4f1e8`,
      prepare: (card) => {
        card.strings = ACME_STRINGS;
        const title = ACME_STRINGS[`${titleKey(tag)}`] ?? '';
        render(acmeHeading(title), card);
      },
    }),
  },
  {
    name: 'rtl',
    scheme: 'light',
    options: () => ({ dir: 'rtl', locale: 'ar', style: `${FONTS}; background: #fff` }),
  },
];

function titleKey(tag: keyof typeof ACME_TAGS) {
  return CARD_TITLE_KEYS[tag];
}

describe('visual regression', () => {
  let restoreClock: (() => void) | undefined;
  before(function () {
    skipInFirefox(
      this,
      "the baselines are Chromium's pictures: Firefox draws the same cards with its own glyph " +
        'anti-aliasing, hundreds of pixels apart on every card',
    );
    // Announcements dismissed by other tests are remembered there.
    localStorage.clear();
    defineAcmeCards();
    restoreClock = freezeClock();
  });
  after(() => restoreClock?.());
  afterEach(() => emulate());

  for (const variant of VARIANTS) {
    for (const card of CARDS) {
      const tag = card.tag as keyof typeof ACME_TAGS;
      it(`${card.tag} (${variant.name})`, async () => {
        await emulate({ colorScheme: variant.scheme });
        const { wrapper, card: el } = await renderCard(card, variant.options(tag));
        if (variant.name === 'rtl') {
          // The Arabic texts load lazily: wait for the heading to be in Arabic.
          const title = () => el.shadowRoot!.querySelector('[part~="title"]')?.textContent ?? '';
          await until(() => /[\u0600-\u06ff]/.test(title()), 'Arabic heading').catch(() => undefined);
          await el.updateComplete;
        }
        await document.fonts.ready;
        await visualDiff(wrapper, `${card.tag}-${variant.name}`);
      });
    }
  }
});
