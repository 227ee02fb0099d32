/**
 * The org info card's "Created" date and time against Temporal (temporal-polyfill): generated
 * instants, many near an offset change, in every zone of the list, read back from what the card
 * shows in the 'fr' locale ("1 juin 2026, 08:52", or "… à 08:52") and compared with Temporal's
 * wall clock in the card's `time-zone`.
 */
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/define/org-info-card.js';
import type { Organization } from '../../src/contract/types.js';
import type { OrgInfoCard } from '../../src/elements/org-info-card/org-info-card.js';
import { anyInstant, hhmm, ZONES, zoneAndInstantNearChange, zoned } from '../format/time-zones.js';
import { until } from '../helpers/data.js';

const FR_MONTHS = Array.from({ length: 12 }, (_, m) =>
  new Intl.DateTimeFormat('fr', { month: 'short', timeZone: 'UTC' }).format(Date.UTC(2001, m, 1)),
);

const org = (createdAt: string): Organization => ({
  id: 'o1',
  name: 'Acme',
  owner: { name: 'Ada' },
  createdAt,
  teamSize: 3,
});

describe('org info card: created, against Temporal', function () {
  this.timeout(120_000);

  it('shows the wall-clock date and time of the card’s time zone', async () => {
    const card = await fixture<OrgInfoCard>(
      html`<org-info-card locale="fr" time-zone="UTC" .data=${org('2020-01-01T00:00:00Z')}></org-info-card>`,
    );
    await until(() => card.state === 'ready', 'org info card ready');
    const shown = () => card.shadowRoot!.querySelector('[part~="created"] time')!;

    await fc.assert(
      fc.asyncProperty(
        fc.oneof(zoneAndInstantNearChange, fc.record({ zone: fc.constantFrom(...ZONES), ms: anyInstant })),
        async ({ zone, ms }) => {
          const createdAt = new Date(ms).toISOString();
          card.timeZone = zone;
          card.data = org(createdAt);
          await card.updateComplete;
          const text = shown().textContent!.trim();
          const z = zoned(ms, zone);
          const read = /^(\d{1,2})\s(\S+)\s(\d{4}).*?(\d{2}:\d{2})$/u.exec(text);
          const where = `${zone} ${z.toString()}: "${text}"`;
          expect(read, where).to.not.equal(null);
          expect([Number(read![1]), read![2], Number(read![3]), read![4]], where).to.deep.equal([
            z.day,
            FR_MONTHS[z.month - 1],
            z.year,
            hhmm(z),
          ]);
          expect(shown().getAttribute('datetime')).to.equal(createdAt);
        },
      ),
      { numRuns: 600 },
    );
  });
});
