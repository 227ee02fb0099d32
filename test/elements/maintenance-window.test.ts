/**
 * Maintenance windows in the viewer's time zone, against Temporal (temporal-polyfill): generated
 * windows around the offset changes of many zones. The 'fr' locale writes every zone as a UTC
 * offset ("UTC+5:45") and times as "HH:MM", so the shown text can be read back and compared with
 * Temporal's `toZonedDateTimeISO(zone)`: each end's wall clock, each shown offset, the dates when
 * the ends fall on different days, and the day said for the start. The time left of a window in
 * progress against Temporal's rounding of durations and the browser's own `Intl.DurationFormat`.
 */
import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import sinon from 'sinon';
import { Temporal } from 'temporal-polyfill';
import '../../src/define/announcements-panel.js';
import type { Announcement } from '../../src/contract/types.js';
import type { AnnouncementsPanel } from '../../src/elements/announcements-panel/announcements-panel.js';
import { describeWindow } from '../../src/elements/announcements-panel/maintenance-window.js';
import { formatTimeLeft, timeLeftParts } from '../../src/elements/announcements-panel/time-left.js';
import { TICK_MS } from '../../src/format/relative-time.js';
import {
  anyInstant,
  hhmm,
  nextTransition,
  offsetMinutes,
  offsetMinutesOf,
  zoneAndChange,
  zoneAndInstantNearChange,
  zoned,
} from '../format/time-zones.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const FR_MONTHS = Array.from({ length: 12 }, (_, m) =>
  new Intl.DateTimeFormat('fr', { month: 'short', timeZone: 'UTC' }).format(Date.UTC(2001, m, 1)),
);
const frDays = new Intl.RelativeTimeFormat('fr', { numeric: 'auto' });

/** The times, offsets and dates a 'fr' range text shows, in order. */
function readRange(text: string) {
  return {
    // Not the "10:30" of "UTC+10:30".
    times: [...text.matchAll(/(?<![\d:+−-])\d{2}:\d{2}(?![\d:])/g)].map((m) => m[0]),
    offsets: [...text.matchAll(/(?:UTC|GMT)(?:[+−-]\d{1,2}(?:[:.]\d{2})?)?/g)].map((m) =>
      offsetMinutesOf(m[0]),
    ),
    // Day and month; the year too where `Intl` adds it (a window across New Year). Spaces may be no-break.
    dates: [...text.matchAll(/(?:^|\s)(\d{1,2})\s(\S+?)(?:\s(\d{4}))?,/gu)].map((m) => ({
      date: `${m[1]} ${m[2]}`,
      year: m[3] === undefined ? undefined : Number(m[3]),
    })),
  };
}

const frDate = (z: ReturnType<typeof zoned>) => `${z.day} ${FR_MONTHS[z.month - 1]}`;

/** Checks one window's text against Temporal; returns a description of the first difference. */
function check(start: number, end: number, now: number, zone: string): string | undefined {
  const shown = describeWindow(
    { start: new Date(start).toISOString(), end: new Date(end).toISOString() },
    now,
    {
      locale: 'fr',
      timeZone: zone,
    },
  );
  if (!shown) return 'no text';
  const s = zoned(start, zone);
  const e = zoned(end, zone);
  const { times, offsets, dates } = readRange(shown.range);
  const where = `${zone} ${s.toString()} – ${e.toString()}: "${shown.range}"`;
  if (times.length !== 2) return `${where}: ${times.length} times shown`;
  if (times[0] !== hhmm(s) || times[1] !== hhmm(e)) return `${where}: expected ${hhmm(s)} – ${hhmm(e)}`;
  const [so, eo] = [offsetMinutes(s), offsetMinutes(e)];
  if (so !== eo) {
    if (offsets.length !== 2 || offsets[0] !== so || offsets[1] !== eo)
      return `${where}: expected offsets ${so} and ${eo} min, shown ${offsets.join(', ')}`;
  } else if (offsets.length === 0 || offsets.some((o) => o !== so)) {
    return `${where}: expected offset ${so} min, shown ${offsets.join(', ')}`;
  }
  const sameDay = s.toPlainDate().equals(e.toPlainDate());
  const expectedDates = sameDay ? [] : [s, e];
  if (
    dates.length !== expectedDates.length ||
    expectedDates.some((z, i) => dates[i].date !== frDate(z) || (dates[i].year ?? z.year) !== z.year)
  )
    return `${where}: expected dates ${expectedDates.map(frDate).join(', ')}`;
  // The day said for the start: relative within a week (by calendar days there), else its date.
  const n = zoned(now, zone);
  const days = n.toPlainDate().until(s.toPlainDate(), { largestUnit: 'day' }).days;
  const when =
    Math.abs(days) <= 6 ? frDays.format(days, 'day') : `${frDate(s)}${s.year === n.year ? '' : ` ${s.year}`}`;
  if (shown.when !== when) return `${where}: day "${shown.when}", expected "${when}"`;
  const phase = now < start ? 'upcoming' : now < end ? 'ongoing' : 'ended';
  if (shown.phase !== phase) return `${where}: phase ${shown.phase}, expected ${phase}`;
  return undefined;
}

describe('maintenance windows against Temporal', function () {
  this.timeout(120_000);
  // The difference found, not only the counterexample, in the report.
  before(() => fc.configureGlobal({ ...fc.readConfigureGlobal(), includeErrorInReport: true }));
  after(() => fc.resetConfigureGlobal());

  it('shows both ends of windows around offset changes with their own wall clock and offset', () => {
    fc.assert(
      fc.property(
        zoneAndInstantNearChange,
        fc.integer({ min: 1, max: 30 * 60 }),
        fc.integer({ min: -10 * DAY, max: 10 * DAY }),
        ({ zone, ms }, minutes, fromNow) => {
          const problem = check(ms, ms + minutes * MINUTE, ms - fromNow, zone);
          if (problem) throw new Error(problem);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('windows that end at, start at or straddle a change, in every zone', () => {
    fc.assert(
      fc.property(
        zoneAndInstantNearChange,
        fc.constantFrom(30, 60, 90, 120, 180),
        fc.constantFrom('ends', 'starts', 'straddles'),
        ({ zone, ms }, minutes, how) => {
          const start =
            how === 'ends' ? ms - minutes * MINUTE : how === 'starts' ? ms : ms - (minutes / 2) * MINUTE;
          const problem = check(start, start + minutes * MINUTE, start - DAY, zone);
          if (problem) throw new Error(problem);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('any window, any zone', () => {
    fc.assert(
      fc.property(
        zoneAndInstantNearChange.map(({ zone }) => zone),
        anyInstant,
        fc.integer({ min: 1, max: 4 * 24 * 60 }),
        anyInstant,
        (zone, start, minutes, now) => {
          const problem = check(start, start + minutes * MINUTE, now, zone);
          if (problem) throw new Error(problem);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads the two ends of the autumn and spring changes in New York', () => {
    const en = { locale: 'en-US', timeZone: 'America/New_York' };
    const range = (start: string, end: string) =>
      describeWindow({ start, end }, Date.parse(start), en)!.range;
    // 1:00 EDT to 1:00 EST: an hour, the clock reads the same twice.
    expect(range('2026-11-01T05:00:00Z', '2026-11-01T06:00:00Z')).to.equal('1:00 AM EDT – 1:00 AM EST');
    // 1:30 EST to 3:30 EDT: an hour, the clock jumps over 2:00–3:00.
    expect(range('2026-03-08T06:30:00Z', '2026-03-08T07:30:00Z')).to.equal('1:30 AM EST – 3:30 AM EDT');
    // No change inside: one zone name.
    expect(range('2026-07-01T06:00:00Z', '2026-07-01T08:00:00Z')).to.equal('2:00 – 4:00 AM EDT');
  });

  it('shows a 30-minute change (Lord Howe) and a 2-hour change (Troll) at both ends', () => {
    for (const zone of ['Australia/Lord_Howe', 'Antarctica/Troll']) {
      const change = nextTransition(Date.UTC(2026, 0, 1), zone)!;
      const [start, end] = [change - 30 * MINUTE, change + 30 * MINUTE];
      const { range } = describeWindow(
        { start: new Date(start).toISOString(), end: new Date(end).toISOString() },
        start,
        { locale: 'fr', timeZone: zone },
      )!;
      const expected = [offsetMinutes(zoned(start, zone)), offsetMinutes(zoned(end, zone))];
      expect(expected[0], zone).to.not.equal(expected[1]);
      expect(readRange(range).offsets, `${zone}: ${range}`).to.deep.equal(expected);
    }
  });

  it('never shows a window as one instant, also where the clock reads the same at both ends', () => {
    fc.assert(
      fc.property(
        // A change that sets clocks back by Δ minutes, and a window of Δ minutes over it: the
        // clock reads the same at its start and its end.
        zoneAndChange.filter(({ before, after }) => before > after),
        fc.integer({ min: 1, max: 120 }),
        fc.constantFrom('en-US', 'en-GB', 'de', 'ja', 'ar', 'hi-IN', 'fr'),
        ({ zone, change, before, after }, into, locale) => {
          const back = before - after;
          const start = change - (1 + (into % back)) * MINUTE;
          const end = start + back * MINUTE;
          expect(hhmm(zoned(start, zone)), 'the same wall clock').to.equal(hhmm(zoned(end, zone)));
          const window = { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
          const { range } = describeWindow(window, start, { locale, timeZone: zone })!;
          const instant = new Intl.DateTimeFormat(locale, {
            hour: 'numeric',
            minute: '2-digit',
            timeZoneName: 'short',
            timeZone: zone,
          }).format(start);
          expect(range, `${zone} ${locale}`).to.not.equal(instant);
          expect(
            range.startsWith(instant),
            `${zone} ${locale}: "${range}" starts with "${instant}"`,
          ).to.equal(true);
          const problem = locale === 'fr' ? check(start, end, start, zone) : undefined;
          if (problem) throw new Error(problem);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('shows the window on the panel in the viewer’s time zone, both ends at a change', async () => {
    const list: Announcement[] = [
      {
        id: 'w',
        kind: 'maintenance',
        title: 'Upgrade',
        body: 'Upgrade.',
        publishedAt: '2026-10-20T00:00:00Z',
        window: { start: '2026-10-25T00:30:00Z', end: '2026-10-25T01:30:00Z' },
      },
    ];
    const panel = await fixture<AnnouncementsPanel>(
      html`<announcements-panel .data=${list} locale="fr" time-zone="Europe/Berlin"></announcements-panel>`,
    );
    await panel.updateComplete;
    const shown = panel.shadowRoot!.querySelector('[part~="window"] .window-text')!.textContent!;
    // Berlin: 02:30 CEST, then 02:30 again an hour later in CET.
    const { times, offsets } = readRange(shown);
    expect(times).to.deep.equal([hhmm(zoned(Date.parse(list[0].window!.start), 'Europe/Berlin')), '02:30']);
    expect(offsets).to.deep.equal([120, 60]);
  });
});

/** `Intl.DurationFormat` where the browser has it (TypeScript's lib does not know it yet). */
const DurationFormat = (
  Intl as unknown as {
    DurationFormat?: new (
      locale: string,
      options: { style: string },
    ) => { format(duration: Record<string, number>): string };
  }
).DurationFormat;

/**
 * The reference: Temporal rounds the duration up, to the minute below a day and to the hour from a
 * day on (a rounding that reaches a day is said in days), and `Intl.DurationFormat` writes it.
 */
function referenceTimeLeft(ms: number, locale: string) {
  const duration = Temporal.Duration.from({ milliseconds: ms });
  let rounded = duration.round({ largestUnit: 'hour', smallestUnit: 'minute', roundingMode: 'ceil' });
  if (rounded.hours >= 24)
    rounded = duration.round({ largestUnit: 'day', smallestUnit: 'hour', roundingMode: 'ceil' });
  const parts = { days: rounded.days, hours: rounded.hours, minutes: rounded.minutes };
  return {
    parts,
    text: DurationFormat ? new DurationFormat(locale, { style: 'short' }).format(parts) : undefined,
  };
}

describe('time left in a window in progress', function () {
  this.timeout(120_000);
  const LOCALES = ['en-US', 'en-GB', 'de', 'fr', 'ja', 'ar', 'ar-EG', 'hi-IN', 'zh', 'ru', 'pl', 'he', 'ko'];
  /** Any time left up to 60 days, and most often within a few ms of a minute, an hour or a day. */
  const timeLeft = fc.oneof(
    fc.integer({ min: 1, max: 60 * DAY }),
    fc
      .tuple(
        fc.constantFrom(MINUTE, HOUR, DAY),
        fc.integer({ min: 1, max: 49 }),
        fc.integer({ min: -2, max: 2 }),
      )
      .map(([unit, n, ms]) => Math.max(1, n * unit + ms)),
  );

  it('is what Temporal and the browser’s Intl.DurationFormat say, in every locale', function () {
    if (!DurationFormat) this.skip();
    fc.assert(
      fc.property(timeLeft, fc.constantFrom(...LOCALES), (ms, locale) => {
        const expected = referenceTimeLeft(ms, locale);
        expect(timeLeftParts(ms), `${ms} ms`).to.deep.equal(expected.parts);
        expect(formatTimeLeft(ms, locale), `${ms} ms in ${locale}`).to.equal(expected.text);
      }),
      { numRuns: 3000 },
    );
  });

  it('rounds up and never says 0', () => {
    fc.assert(
      fc.property(timeLeft, (ms) => {
        const { days, hours, minutes } = timeLeftParts(ms);
        expect(days + hours + minutes, `${ms} ms`).to.be.greaterThan(0);
        expect((days * 24 + hours) * HOUR + minutes * MINUTE, `${ms} ms`).to.be.at.least(ms);
      }),
      { numRuns: 2000 },
    );
    expect(formatTimeLeft(1, 'en-US')).to.equal('1 min');
    expect(formatTimeLeft(59_999, 'en-US')).to.equal('1 min');
    expect(formatTimeLeft(HOUR + 20 * MINUTE, 'en-US')).to.equal('1 hr, 20 min');
    expect(formatTimeLeft(HOUR + 20 * MINUTE - 30_000, 'en-US')).to.equal('1 hr, 20 min');
    expect(formatTimeLeft(HOUR - 30_000, 'en-US')).to.equal('1 hr');
    expect(formatTimeLeft(DAY - 30_000, 'en-US')).to.equal('1 day');
    expect(formatTimeLeft(2 * DAY + 2 * HOUR + 1, 'en-US')).to.equal('2 days, 3 hr');
    expect(formatTimeLeft(HOUR + 20 * MINUTE, 'de')).to.equal('1 Std., 20 Min.');
    expect(formatTimeLeft(HOUR + 20 * MINUTE, 'ja')).to.equal('1 時間 20 分');
  });
});

describe('a window in progress on the panel', () => {
  const NOW = Date.parse('2026-06-15T12:00:00Z');
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date', 'setInterval', 'clearInterval'] });
  });
  afterEach(() => clock.restore());

  const maintenance = (id: string, start: number, end: number): Announcement => ({
    id,
    kind: 'maintenance',
    title: `Maintenance ${id}`,
    body: 'Deploys are paused.',
    publishedAt: new Date(NOW - DAY).toISOString(),
    window: { start: new Date(start).toISOString(), end: new Date(end).toISOString() },
  });
  const windowText = (panel: AnnouncementsPanel, id: string) =>
    panel
      .shadowRoot!.querySelector(`li[data-id="${id}"] [part~="window"]`)
      ?.textContent?.replace(/\s+/g, ' ')
      .trim();

  it('counts down on the shared clock, one timer for every window, then says "Completed"', async () => {
    const panel = await fixture<AnnouncementsPanel>(html`
      <announcements-panel
        locale="en-US"
        time-zone="UTC"
        .data=${[
          maintenance('a', NOW - HOUR, NOW + HOUR + 20 * MINUTE),
          maintenance('b', NOW - 10 * MINUTE, NOW + 2 * DAY + 3 * HOUR),
          maintenance('c', NOW - 5 * MINUTE, NOW + 45_000),
          maintenance('later', NOW + 2 * MINUTE, NOW + HOUR),
        ]}
      ></announcements-panel>
    `);
    expect(windowText(panel, 'a')).to.equal(
      'Maintenance window In progress, ends in 1 hr, 20 min (11:00 AM – 1:20 PM UTC)',
    );
    expect(windowText(panel, 'b')).to.equal(
      'Maintenance window In progress, ends in 2 days, 3 hr (Jun 15, 11:50 AM UTC – Jun 17, 3:00 PM UTC)',
    );
    expect(windowText(panel, 'c')).to.equal(
      'Maintenance window In progress, ends in 1 min (11:55 AM – 12:00 PM UTC)',
    );
    expect(windowText(panel, 'later')).to.equal('Maintenance window today, 12:02 – 1:00 PM UTC');
    // No timer per announcement: the page's one clock.
    expect(clock.countTimers()).to.equal(1);
    await expect(panel).to.be.accessible();

    clock.tick(TICK_MS);
    await elementUpdated(panel);
    expect(windowText(panel, 'c')).to.equal(
      'Maintenance window In progress, ends in 1 min (11:55 AM – 12:00 PM UTC)',
    );
    clock.tick(TICK_MS);
    await elementUpdated(panel);
    expect(windowText(panel, 'a')).to.match(/ends in 1 hr, 19 min /);
    expect(windowText(panel, 'c')).to.equal('Maintenance window Completed (today, 11:55 AM – 12:00 PM UTC)');
    expect(panel.shadowRoot!.querySelector('li[data-id="c"] .window-ended')).to.not.equal(null);

    clock.tick(4 * TICK_MS);
    await elementUpdated(panel);
    expect(windowText(panel, 'later')).to.equal(
      'Maintenance window In progress, ends in 57 min (12:02 – 1:00 PM UTC)',
    );
    expect(clock.countTimers()).to.equal(1);
    await expect(panel).to.be.accessible();
  });
});
