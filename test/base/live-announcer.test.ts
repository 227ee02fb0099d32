/**
 * The polite status region (`LiveAnnouncer`) across a move in the page: a framework that reorders
 * or re-parents a card takes it out and puts it back in one task, which is not leaving. A live
 * change held back for the pause between two summaries is still said after such a move.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import type { CardState } from '../../src/base/dashboard-card.js';
import { dataset, settle, until } from '../helpers/data.js';

type Card = HTMLElement & { state: CardState; updateComplete: Promise<boolean> };

const clean = (value: string | null | undefined) => value?.replace(/\s+/g, ' ').trim() ?? '';

describe('LiveAnnouncer', () => {
  it('a card moved while a summary waits for the pause still says it', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const host = await fixture<HTMLElement>(
      html`<div>
        <div id="a">
          <org-dashboard-provider org-id="o1" .adapter=${adapter}
            ><workspace-stats-card></workspace-stats-card
          ></org-dashboard-provider>
        </div>
        <div id="b"></div>
      </div>`,
    );
    const card = host.querySelector<Card>('workspace-stats-card')!;
    await until(() => card.state === 'ready', 'ready');
    await settle(3);
    const said = () => clean(card.shadowRoot!.querySelector('[role="status"]')?.textContent);
    adapter.emit('o1', { topic: 'workspaces', data: { total: 20, active: 7, suspended: 2, others: 11 } });
    await until(() => said() !== '', 'the first summary');
    // Within the pause after it: this one is held back, then the card moves.
    adapter.emit('o1', { topic: 'workspaces', data: { total: 30, active: 9, suspended: 2, others: 19 } });
    await card.updateComplete;
    host.querySelector('#b')!.append(host.querySelector('org-dashboard-provider')!);
    // The pause is 5 s: room a loaded machine cannot run out of.
    await until(
      () => said() === 'Workspaces updated: 9 active, 30 in total',
      'the second summary',
      20_000,
    ).catch(() => undefined);
    expect(said()).to.equal('Workspaces updated: 9 active, 30 in total');
  });

  it('a card removed while a summary waits says nothing more, and starts afresh when added again', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const host = await fixture<HTMLElement>(
      html`<org-dashboard-provider org-id="o1" .adapter=${adapter}
        ><workspace-stats-card></workspace-stats-card
      ></org-dashboard-provider>`,
    );
    const card = host.querySelector<Card>('workspace-stats-card')!;
    await until(() => card.state === 'ready', 'ready');
    await settle(3);
    const said = () => clean(card.shadowRoot!.querySelector('[role="status"]')?.textContent);
    adapter.emit('o1', { topic: 'workspaces', data: { total: 20, active: 7, suspended: 2, others: 11 } });
    await until(() => said() !== '', 'the first summary');
    adapter.emit('o1', { topic: 'workspaces', data: { total: 30, active: 9, suspended: 2, others: 19 } });
    await card.updateComplete;
    card.remove();
    await settle(3);
    host.append(card);
    await until(() => card.state === 'ready', 'ready again');
    // Back on the page, the data it finds is where it starts: no summary of what came while it was away.
    await new Promise((resolve) => setTimeout(resolve, 6000));
    expect(said()).to.equal('Workspaces updated: 7 active, 20 in total');
  });
});
