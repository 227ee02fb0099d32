/**
 * `strings` is a plain object from the host's code or a translation file, so any value can be in
 * it. Generated replacements, of the right shape or not (undefined, numbers, plural forms without
 * `other`, forms for a key that takes none, keys that are no text's), given to the whole dashboard:
 * every card renders and nothing is thrown into the page; a card's title is the replacement when
 * it is a string, else the English text.
 */
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/define.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import type { CardState } from '../../src/base/dashboard-card.js';
import type { OrgDashboard } from '../../src/elements/org-dashboard/org-dashboard.js';
import { dataset, ORG_DATASET_STATES, until } from '../helpers/data.js';
import { CARD_TITLE_KEYS } from '../helpers/dashboard.js';
import { englishTexts } from '../helpers/english-texts.js';

type Card = HTMLElement & { state: CardState; updateComplete: Promise<unknown> };

const TITLES: Record<string, string> = CARD_TITLE_KEYS;

const wrongShape = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.record({ one: fc.string() }),
  fc.record({ other: fc.integer() }),
  fc.record({ one: fc.integer(), other: fc.string() }),
);
const rightShape = fc.oneof(fc.string(), fc.record({ one: fc.string(), other: fc.string() }));
const replacements = fc.dictionary(
  fc.oneof(fc.constantFrom(...Object.keys(englishTexts), ...Object.values(TITLES)), fc.constant('notAText')),
  fc.oneof(wrongShape, rightShape),
  { maxKeys: 40 },
);

describe('strings: whatever a host passes', () => {
  it('every card renders, nothing is thrown, and a title is a string replacement or English', async function () {
    this.timeout(300_000);
    const thrown: unknown[] = [];
    const onError = (event: ErrorEvent) => thrown.push(event.error ?? event.message);
    const onRejection = (event: PromiseRejectionEvent) => thrown.push(event.reason);
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onRejection);
    try {
      await fc.assert(
        fc.asyncProperty(replacements, async (strings) => {
          const dashboard = await fixture<OrgDashboard>(
            html`<org-dashboard
              org-id="o1"
              locale="en-US"
              .strings=${strings}
              .adapter=${createMemoryAdapter(dataset('o1'))}
            ></org-dashboard>`,
          );
          const cards = () => [...dashboard.shadowRoot!.querySelectorAll<Card>('[part~="grid"] > *')];
          await until(
            () => cards().length === 6 && cards().every((card) => card.state !== 'loading'),
            'cards',
          );
          await Promise.all(cards().map((card) => card.updateComplete));
          expect(thrown, 'thrown into the page').to.deep.equal([]);
          expect(cards().map((card) => card.state)).to.deep.equal(ORG_DATASET_STATES);
          for (const card of cards()) {
            const key = TITLES[card.localName];
            const given = (strings as Record<string, unknown>)[key];
            const expected = typeof given === 'string' ? given : (englishTexts[key] as string);
            const title = card.shadowRoot!.querySelector('[part~="title"]')!.textContent!.trim();
            expect(title, card.localName).to.equal(expected.trim());
          }
          dashboard.remove();
        }),
        { numRuns: 15 },
      );
    } finally {
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onRejection);
    }
  });
});
