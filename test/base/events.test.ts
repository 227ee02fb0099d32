/**
 * Every typed event of the package, built on `DashboardEvent`: its `type` is its class's `eventName`,
 * it bubbles and crosses shadow roots, only the events whose cancelling means something are
 * cancelable, and the detail arrives as given.
 */
import { expect } from '@open-wc/testing';
import { DashboardErrorEvent } from '../../src/base/events.js';
import { DashboardError } from '../../src/contract/errors.js';
import {
  ActivityLogFilterChangeEvent,
  ExportCsvEvent,
} from '../../src/elements/activity-log/activity-log.events.js';
import { AnnouncementDismissEvent } from '../../src/elements/announcements-panel/announcements-panel.events.js';
import { CopyOrgIdEvent } from '../../src/elements/org-info-card/org-info-card.events.js';
import {
  CreditsLowEvent,
  CreditsPurchasedEvent,
  LowCreditThresholdChangeEvent,
} from '../../src/elements/plan-card/plan-card.events.js';

const money = { amountMinor: 100, currency: 'USD' };
const CASES = [
  {
    event: new DashboardErrorEvent({
      error: new DashboardError('network', 'x'),
      resource: 'plan',
      orgId: 'o',
    }),
    type: 'od-error',
    cancelable: false,
  },
  { event: new CopyOrgIdEvent({ orgId: 'o' }), type: 'od-copy-org-id', cancelable: false },
  {
    event: new CreditsLowEvent({ orgId: 'o', availableCredits: money, threshold: money, runwayDays: null }),
    type: 'od-credits-low',
    cancelable: false,
  },
  {
    event: new CreditsPurchasedEvent({
      orgId: 'o',
      amount: money,
      status: 'completed',
      availableCredits: money,
      idempotencyKey: 'k',
    }),
    type: 'od-credits-purchased',
    cancelable: false,
  },
  {
    event: new LowCreditThresholdChangeEvent({ orgId: 'o', threshold: null }),
    type: 'od-low-credit-threshold-change',
    cancelable: false,
  },
  {
    event: new AnnouncementDismissEvent({ orgId: 'o', announcementId: 'a' }),
    type: 'od-announcement-dismiss',
    cancelable: true,
  },
  {
    event: new ActivityLogFilterChangeEvent({ orgId: 'o', filter: { action: 'create' } }),
    type: 'od-activity-log-filter-change',
    cancelable: false,
  },
  {
    event: new ExportCsvEvent({ orgId: 'o', filter: { query: 'q' } }),
    type: 'od-export-csv',
    cancelable: true,
  },
] as const;

describe('typed events', () => {
  for (const { event, type, cancelable } of CASES) {
    it(`${event.constructor.name}: ${type}, bubbling, composed, ${cancelable ? '' : 'not '}cancelable`, () => {
      expect(event).to.be.instanceOf(CustomEvent);
      expect(event.type).to.equal(type);
      expect((event.constructor as unknown as { eventName: string }).eventName).to.equal(type);
      expect(event.bubbles, 'bubbles').to.equal(true);
      expect(event.composed, 'composed').to.equal(true);
      expect(event.cancelable, 'cancelable').to.equal(cancelable);
      expect(event.detail).to.have.property('orgId', 'o');
    });
  }

  it('reach the shadow host (composed) with their detail', () => {
    const host = document.createElement('div');
    const inner = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('span'));
    document.body.append(host);
    try {
      let received: CopyOrgIdEvent | undefined;
      host.addEventListener('od-copy-org-id', (e) => (received = e), { once: true });
      const event = new CopyOrgIdEvent({ orgId: 'org-1' });
      inner.dispatchEvent(event);
      expect(received).to.equal(event);
      expect(received?.detail).to.deep.equal({ orgId: 'org-1' });
    } finally {
      host.remove();
    }
  });
});
