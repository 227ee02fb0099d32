/**
 * The day of a maintenance window more than a week away is a date, with its year when that year is
 * not the viewer's current one. "Year" is the year of the calendar the date is written in: the
 * locale's own (Persian for fa, Buddhist for th, or one a locale asks for, `-u-ca-islamic-umalqura`).
 * A Gregorian check left out the year of a window that ended in the previous Persian or Islamic
 * year, which then read as a date of the current one (in the future, for a window that is
 * "Completed"). Oracle: Temporal's year in the locale's calendar.
 */
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import sinon from 'sinon';
import { Temporal } from 'temporal-polyfill';
import '../../src/define/announcements-panel.js';
import type { Announcement } from '../../src/contract/types.js';
import type { AnnouncementsPanel } from '../../src/elements/announcements-panel/announcements-panel.js';
import { describeWindow } from '../../src/elements/announcements-panel/maintenance-window.js';

const DAY = 24 * 3600_000;
const LOCALES = ['fa', 'ar-SA-u-ca-islamic-umalqura', 'th', 'en-US', 'ar-SA', 'he'];
const ZONES = ['UTC', 'Asia/Riyadh', 'Asia/Tehran', 'America/New_York', 'Pacific/Kiritimati'];

const calendarOf = (locale: string) => new Intl.DateTimeFormat(locale).resolvedOptions().calendar;
const yearIn = (ms: number, zone: string, locale: string) =>
  Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).withCalendar(calendarOf(locale)).year;
const date = (ms: number, zone: string, locale: string, withYear: boolean) =>
  new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: zone,
  }).format(ms);

describe('maintenance windows: the year of a date, in the locale’s calendar', () => {
  it('is said exactly when the window’s year is not the current one, in any calendar', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LOCALES),
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) }),
        fc.integer({ min: 7, max: 500 }).chain((days) => fc.constantFrom(days, -days)),
        (locale, zone, now, days) => {
          const start = now + days * DAY;
          const window = {
            start: new Date(start).toISOString(),
            end: new Date(start + 3600_000).toISOString(),
          };
          const { when } = describeWindow(window, now, { locale, timeZone: zone })!;
          const otherYear = yearIn(start, zone, locale) !== yearIn(now, zone, locale);
          expect(when, `${locale} ${zone} now ${new Date(now).toISOString()} start ${window.start}`).to.equal(
            date(start, zone, locale, otherYear),
          );
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('shows on the panel the year of a window completed in the previous Persian year (fa)', async () => {
    const now = Date.parse('2026-03-25T12:00:00Z');
    const start = Date.parse('2026-03-10T02:00:00Z');
    // The premise, from Temporal: 1404 then, 1405 now, though both are in 2026.
    expect([yearIn(start, 'UTC', 'fa'), yearIn(now, 'UTC', 'fa')]).to.deep.equal([1404, 1405]);
    sinon.useFakeTimers({ now, toFake: ['Date'] });
    try {
      const a: Announcement = {
        id: 'm',
        kind: 'maintenance',
        title: 'Upgrade',
        body: '',
        publishedAt: '2026-03-01T00:00:00Z',
        window: { start: new Date(start).toISOString(), end: '2026-03-10T04:00:00Z' },
      };
      const panel = await fixture<AnnouncementsPanel>(
        html`<announcements-panel locale="fa" time-zone="UTC" .data=${[a]}></announcements-panel>`,
      );
      await panel.updateComplete;
      const shown = panel.shadowRoot!.querySelector('[part~="window"]')!.textContent!;
      expect(shown).to.include(date(start, 'UTC', 'fa', true));
    } finally {
      sinon.restore();
    }
  });
});
