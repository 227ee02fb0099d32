import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ACME_ORG_ID, GULF_ORG_ID, SAKURA_ORG_ID } from '../src/mocks/fixtures.js';
import { mockBackend } from './support/mock-backend.js';

interface Args {
  orgId: string;
  locale: string;
  timeZone: string;
}

/**
 * The whole dashboard in each shipped language. Catalogs load on demand (a
 * German page downloads German only); Arabic reads right to left from its
 * locale alone, with no `dir` from the host. Any other locale formats numbers,
 * money and dates through `Intl` and shows English texts.
 */
const meta: Meta<Args> = {
  title: 'Dashboard/Locales',
  component: 'org-dashboard',
  args: { orgId: ACME_ORG_ID, locale: 'en-US', timeZone: 'America/New_York' },
  argTypes: {
    locale: { control: 'text' },
    timeZone: { control: 'text', name: 'time-zone' },
  },
  parameters: { layout: 'fullscreen' },
};
export default meta;

type Story = StoryObj<Args>;

function locale(args: Partial<Args>): Story {
  const backend = mockBackend();
  return {
    args,
    parameters: { msw: backend.msw },
    render: ({ orgId, locale, timeZone }) => html`
      <div style="box-sizing: border-box; padding: 16px">
        <org-dashboard
          org-id=${orgId}
          locale=${locale}
          time-zone=${timeZone}
          .adapter=${backend.adapter}
        ></org-dashboard>
      </div>
    `,
  };
}

/** English (the default). */
export const English = locale({ locale: 'en-US' });
/** German. */
export const German = locale({ locale: 'de-DE', timeZone: 'Europe/Berlin' });
/** French. */
export const French = locale({ locale: 'fr-FR', timeZone: 'Europe/Paris' });
/** Japanese. */
export const Japanese = locale({ orgId: SAKURA_ORG_ID, locale: 'ja-JP', timeZone: 'Asia/Tokyo' });
/** Arabic: right to left from the locale alone; Kuwaiti dinars with three minor digits. */
export const Arabic = locale({ orgId: GULF_ORG_ID, locale: 'ar-KW', timeZone: 'Asia/Kuwait' });
/** A regional variant with no catalog of its own uses its language's: Austrian German. */
export const AustrianGerman = locale({ locale: 'de-AT', timeZone: 'Europe/Vienna' });
/** A locale with no catalog (Brazilian Portuguese): English texts, Brazilian numbers, money and dates. */
export const UnshippedLocale = locale({ locale: 'pt-BR', timeZone: 'America/Sao_Paulo' });
