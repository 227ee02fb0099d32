/**
 * Relative times that name a calendar unit ("yesterday", "tomorrow", "last week", "last month",
 * "last year", "next ...") say something about the calendar where the viewer is: "yesterday" is the
 * day before today in the viewer's time zone. The carrying rule (DESIGN.md, "Relative time") rounds
 * 24 h 20 min to 1 day; when that day is not the calendar's yesterday (Sunday 23:50 read on Tuesday
 * at 00:10), the text says "1 day ago", which is true, never "yesterday", which is not.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { formatRelativeTime } from '../../src/format/relative-time.js';
import { ZONES } from './time-zones.js';

const at = (iso: string) => Date.parse(iso);
const say = (value: string, now: string, timeZone = 'UTC', locale = 'en-US') =>
  formatRelativeTime(at(value), at(now), { locale, timeZone });

describe('relative time: words that name a calendar unit', () => {
  it('says "yesterday" and "tomorrow" only for the calendar’s yesterday and tomorrow', () => {
    // Sunday 23:50 read on Tuesday 00:10: 24 h 20 min, rounded to 1 day, but two calendar days back.
    expect(say('2024-03-10T23:50:00Z', '2024-03-12T00:10:00Z')).to.equal('1 day ago');
    expect(say('2024-03-12T00:10:00Z', '2024-03-10T23:50:00Z')).to.equal('in 1 day');
    // The same day of the week before, at noon: yesterday it is.
    expect(say('2024-03-11T12:00:00Z', '2024-03-12T12:00:00Z')).to.equal('yesterday');
    expect(say('2024-03-13T11:40:00Z', '2024-03-12T12:00:00Z')).to.equal('tomorrow');
    // German has a word for two days back: Tuesday 00:10 read on Wednesday 23:50 is 2 days, rounded,
    // but yesterday on the calendar.
    expect(say('2024-03-12T00:10:00Z', '2024-03-13T23:50:00Z', 'UTC', 'de')).to.equal('vor 2 Tagen');
    expect(say('2024-03-11T12:00:00Z', '2024-03-13T12:00:00Z', 'UTC', 'de')).to.equal('vorgestern');
  });

  it('counts calendar days in the viewer’s time zone', () => {
    // 14:30 UTC on Mar 11 is 23:30 in Tokyo; 15:10 UTC on Mar 12 is 00:10 on Mar 13 there.
    expect(say('2024-03-11T14:30:00Z', '2024-03-12T15:10:00Z', 'UTC')).to.equal('yesterday');
    expect(say('2024-03-11T14:30:00Z', '2024-03-12T15:10:00Z', 'Asia/Tokyo')).to.equal('1 day ago');
  });

  it('says "last month" and "last year" only for the previous calendar month and year', () => {
    // Jan 30 read on Mar 1 (31 days): one month, rounded, but January is two months back.
    expect(say('2024-01-30T12:00:00Z', '2024-03-01T12:00:00Z')).to.equal('1 month ago');
    expect(say('2024-02-01T12:00:00Z', '2024-03-03T12:00:00Z')).to.equal('last month');
    // Dec 20, 2023 read on Jan 10, 2025 (387 days): one year, rounded, but 2023 is two years back.
    expect(say('2023-12-20T12:00:00Z', '2025-01-10T12:00:00Z')).to.equal('1 year ago');
    expect(say('2024-01-20T12:00:00Z', '2025-01-10T12:00:00Z')).to.equal('last year');
    expect(say('2026-01-20T12:00:00Z', '2024-12-31T12:00:00Z')).to.equal('in 1 year');
  });

  it('says "last week" only for the previous calendar week, whichever day the locale’s week starts on', () => {
    // Friday Mar 1 read on Monday Mar 11 (10 days): two calendar weeks back, Monday or Sunday first.
    for (const locale of ['en-US', 'en-GB', 'de'])
      expect(say('2024-03-01T12:00:00Z', '2024-03-11T12:00:00Z', 'UTC', locale), locale).to.not.match(
        /last week|letzte Woche/,
      );
    expect(say('2024-03-05T00:00:00Z', '2024-03-11T12:00:00Z', 'UTC', 'en-GB')).to.equal('last week');
  });

  it('never says "yesterday" for another calendar day, in any zone (Temporal oracle, fast-check)', () => {
    const instant = fc.integer({ min: at('2000-01-01T00:00:00Z'), max: at('2037-12-31T00:00:00Z') });
    const near = fc.integer({ min: 20 * 3_600_000, max: 40 * 3_600_000 });
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, near, fc.boolean(), (zone, now, gap, past) => {
        const then = past ? now - gap : now + gap;
        const text = formatRelativeTime(then, now, { locale: 'en-US', timeZone: zone });
        const day = (ms: number) =>
          Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).toPlainDate();
        const days = day(now).until(day(then), { largestUnit: 'days' }).days;
        if (text === 'yesterday') expect(days, `${zone} ${then} ${now}`).to.equal(-1);
        if (text === 'tomorrow') expect(days, `${zone} ${then} ${now}`).to.equal(1);
      }),
      { numRuns: 2000 },
    );
  });
});
