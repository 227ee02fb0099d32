/** What the accessibility tests share: where focus is, a card's live region, a card in a provider. */
import { fixture, html } from '@open-wc/testing';
import type { MemoryAdapter } from '../../src/adapters/memory.js';
import type { CardState } from '../../src/base/dashboard-card.js';
import { until } from './data.js';

export type LiveCard = HTMLElement & { state: CardState; updateComplete: Promise<boolean> };

/** The focused element, looking inside shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The card's polite status region for live updates (the last one in the card). */
export function liveRegion(card: HTMLElement): HTMLElement {
  const regions = card.shadowRoot!.querySelectorAll('[part~="card"] > [role="status"]');
  return regions[regions.length - 1] as HTMLElement;
}

/** A card of `tag` in a provider on org o1 of `adapter`, once it has loaded (ready or empty), or as `settled` says. */
export async function cardInProvider(
  tag: string,
  adapter: MemoryAdapter,
  settled: (state: CardState) => boolean = (state) => state === 'ready' || state === 'empty',
): Promise<{ provider: HTMLElement; card: LiveCard }> {
  const provider = await fixture<HTMLElement>(html`
    <org-dashboard-provider org-id="o1" locale="en-US" .adapter=${adapter}>
      ${document.createElement(tag)}
    </org-dashboard-provider>
  `);
  const card = provider.firstElementChild as LiveCard;
  await until(() => settled(card.state), `${tag} settled`);
  await card.updateComplete;
  return { provider, card };
}
