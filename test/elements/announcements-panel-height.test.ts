/**
 * The announcements panel keeps one height in every state, at every width, so nothing below it
 * jumps when its data comes in (its `--od-announcements-height` doc says so). Until 2026-12 that held
 * only where its header fits one row: below about 400 px the header's "3 new" and "Mark all as
 * read" wrap to a second row, which the loading skeleton has not, and the panel grew by that row
 * (420 -> 444 px at 320 px wide) as the announcements arrived; a stale note grew it too. The
 * oracle is the panel's own loading height at the same width.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import { ACME_ORG_ID, createDataset } from '../../src/mocks/fixtures.js';
import { acquireStore, releaseStore } from '../../src/store/registry.js';
import type { CardElement } from '../helpers/card-fixtures.js';
import { until } from '../helpers/data.js';

const WIDTHS = [280, 320, 360, 480, 640];

describe('<announcements-panel> one height in every state', () => {
  async function panel(width: number, adapter: MemoryAdapter): Promise<CardElement> {
    return fixture<CardElement>(
      html`<announcements-panel
        style="width: ${width}px"
        org-id=${ACME_ORG_ID}
        user-id="u1"
        .adapter=${adapter}
      ></announcements-panel>`,
    );
  }

  const height = (el: Element) => Math.round(el.getBoundingClientRect().height * 10) / 10;

  for (const width of WIDTHS) {
    it(`${width} px wide: ready, empty, failed and stale as tall as loading`, async () => {
      const loading = await panel(width, createMemoryAdapter(createDataset(), { delayMs: 2 ** 31 - 1 }));
      expect(loading.state).to.equal('loading');

      const ready = await panel(width, createMemoryAdapter(createDataset()));
      await until(() => ready.state === 'ready', 'ready');
      // The case this guards: the new count and "Mark all as read" beside the heading.
      expect(ready.shadowRoot!.querySelector('[part~="new-count"]'), 'a new count').to.not.equal(null);

      const emptyData = createDataset();
      emptyData[ACME_ORG_ID].announcements = [];
      const empty = await panel(width, createMemoryAdapter(emptyData));
      await until(() => empty.state === 'empty', 'empty');

      const failing = createMemoryAdapter(createDataset());
      failing.failNext('listAnnouncements', 'server');
      const failed = await panel(width, failing);
      await until(() => failed.state === 'error', 'error');

      const staling = createMemoryAdapter(createDataset());
      const stale = await panel(width, staling);
      await until(() => stale.state === 'ready', 'ready before stale');
      staling.failNext('listAnnouncements', 'server');
      const store = acquireStore(staling, ACME_ORG_ID);
      await store.refresh('announcements');
      releaseStore(store);
      await until(() => stale.state === 'stale', 'stale');
      await stale.updateComplete;

      expect({
        ready: height(ready),
        empty: height(empty),
        error: height(failed),
        stale: height(stale),
      }).to.deep.equal({
        ready: height(loading),
        empty: height(loading),
        error: height(loading),
        stale: height(loading),
      });
    });
  }
});
