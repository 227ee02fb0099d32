/**
 * The part of the card contract about the card's box (`[part="card"]`): the language and direction
 * it declares, and the heading that names it. Run by `runCardContract` with controlled data.
 */
import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import { until } from './data.js';
import { box, root, type CardElement } from './card-fixtures.js';

export function describeCardBox(
  create: (props?: Partial<CardElement>, attributes?: Record<string, string>) => CardElement,
  data: unknown,
): void {
  describe('the box', () => {
    it('carries the language of its texts and the direction', async () => {
      for (const [locale, lang, dir] of [
        ['de-DE', 'de-DE', 'ltr'],
        ['ar', 'ar', 'rtl'],
        ['sw-KE', 'en', 'ltr'],
      ]) {
        const card = await mounted(create({ data }, { locale }));
        await until(() => box(card)?.getAttribute('lang') === lang, `lang ${lang} for ${locale}`);
        expect(box(card)!.getAttribute('dir'), locale).to.equal(dir);
      }
      // A host's `dir` wins over the locale's.
      const card = create({ data }, { locale: 'ar' });
      await fixture(html`<org-dashboard-provider dir="ltr">${card}</org-dashboard-provider>`);
      await until(() => box(card)?.getAttribute('lang') === 'ar', 'the Arabic catalog');
      expect(box(card)!.getAttribute('dir')).to.equal('ltr');
    });

    it('names itself by a heading of heading-level (2 by default, 1 to 6)', async () => {
      const card = await mounted(create({ data }, { locale: 'en-US' }));
      const heading = () => root(card).querySelector('[part~="title"]')!;
      expect(heading().getAttribute('role')).to.equal('heading');
      expect(heading().getAttribute('aria-level')).to.equal('2');
      expect(box(card)!.getAttribute('aria-labelledby')).to.equal(heading().id);
      card.setAttribute('heading-level', '4');
      await elementUpdated(card);
      expect(card.headingLevel).to.equal(4);
      expect(heading().getAttribute('aria-level')).to.equal('4');
      card.headingLevel = 9;
      await elementUpdated(card);
      expect(heading().getAttribute('aria-level')).to.equal('2');
    });
  });
}

async function mounted(card: CardElement): Promise<CardElement> {
  await fixture(html`${card}`);
  return card;
}
