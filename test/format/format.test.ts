import { expect } from '@open-wc/testing';
import {
  formatCalendarDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  resolveLocale,
  resolveTimeZone,
} from '../../src/format/format.js';

const en = { locale: 'en-US', timeZone: 'UTC' };

describe('format', () => {
  it('formats money in each currency’s own minor unit', () => {
    expect(formatMoney({ amountMinor: 123456, currency: 'USD' }, en)).to.equal('$1,234.56');
    expect(formatMoney({ amountMinor: 123456, currency: 'JPY' }, en)).to.equal('¥123,456');
    expect(formatMoney({ amountMinor: 123456, currency: 'KWD' }, en)).to.match(/^KWD\s123\.456$/);
    expect(formatMoney({ amountMinor: 123456, currency: 'EUR' }, { locale: 'de-DE' })).to.match(
      /^1\.234,56\s€$/,
    );
  });

  it('never prints NaN or Infinity', () => {
    expect(formatNumber(Number.NaN, en)).to.equal('–');
    expect(formatMoney({ amountMinor: Number.POSITIVE_INFINITY, currency: 'USD' }, en)).to.equal('–');
    expect(formatDateTime('not a date', en)).to.equal('–');
  });

  it('keeps a well-formed but unknown currency readable', () => {
    expect(formatMoney({ amountMinor: 500, currency: 'XYZ' }, en)).to.contain('XYZ');
  });

  it('shows instants in the given time zone, calendar dates on their own day', () => {
    expect(formatDateTime('2026-03-01T23:30:00Z', { locale: 'en-US', timeZone: 'Asia/Tokyo' })).to.equal(
      'Mar 2, 2026, 8:30 AM',
    );
    expect(formatCalendarDate('2026-12-01', { locale: 'en-US', timeZone: 'America/Los_Angeles' })).to.equal(
      'Dec 1, 2026',
    );
  });

  it('falls back instead of throwing on bad locales and time zones', () => {
    expect(resolveLocale('not a locale!', undefined, 'fr-FR')).to.equal('fr-FR');
    expect(resolveLocale('%%%')).to.equal('en');
    expect(resolveTimeZone('Mars/Olympus_Mons')).to.equal(undefined);
    expect(resolveTimeZone('Europe/Berlin')).to.equal('Europe/Berlin');
  });
});
