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
 * German page downloads German only); Arabic and Hebrew read right to left
 * from their locale alone, with no `dir` from the host. Any other locale formats numbers,
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
/** Spanish. */
export const Spanish = locale({ locale: 'es-ES', timeZone: 'Europe/Madrid' });
/** Brazilian Portuguese (Portuguese elsewhere, `pt-PT`, reads it too). */
export const BrazilianPortuguese = locale({ locale: 'pt-BR', timeZone: 'America/Sao_Paulo' });
/** Italian. */
export const Italian = locale({ locale: 'it-IT', timeZone: 'Europe/Rome' });
/** Dutch. */
export const Dutch = locale({ locale: 'nl-NL', timeZone: 'Europe/Amsterdam' });
/** Polish: one, few and many plural forms (1 osoba, 2 osoby, 5 osób). */
export const Polish = locale({ locale: 'pl-PL', timeZone: 'Europe/Warsaw' });
/** Japanese. */
export const Japanese = locale({ orgId: SAKURA_ORG_ID, locale: 'ja-JP', timeZone: 'Asia/Tokyo' });
/** Simplified Chinese. */
export const SimplifiedChinese = locale({ locale: 'zh-CN', timeZone: 'Asia/Shanghai' });
/** Korean. */
export const Korean = locale({ locale: 'ko-KR', timeZone: 'Asia/Seoul' });
/** Hindi: Indian digit grouping (12,34,567). */
export const Hindi = locale({ locale: 'hi-IN', timeZone: 'Asia/Kolkata' });
/** Arabic: right to left from the locale alone; Kuwaiti dinars with three minor digits. */
export const Arabic = locale({ orgId: GULF_ORG_ID, locale: 'ar-KW', timeZone: 'Asia/Kuwait' });
/** Hebrew: the second right-to-left script, from the locale alone. */
export const Hebrew = locale({ locale: 'he-IL', timeZone: 'Asia/Jerusalem' });
/** A regional variant with no catalog of its own uses its language's: Austrian German. */
export const AustrianGerman = locale({ locale: 'de-AT', timeZone: 'Europe/Vienna' });
/** A locale with no catalog (Swahili in Kenya): English texts, Kenyan numbers, money and dates. */
export const UnshippedLocale = locale({ locale: 'sw-KE', timeZone: 'Africa/Nairobi' });
