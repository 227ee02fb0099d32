/**
 * Relative time carries: a value that rounds up to the next unit's size is shown in that unit
 * ("59.6 minutes ago" is "1 hour ago", never "60 minutes ago"). Checked on the English text the
 * viewer reads, at generated points around every boundary and at random, in both directions.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import sinon from 'sinon';
import { formatRelativeTime } from '../../src/format/relative-time.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';
const UNIT_MS: Record<Unit, number> = {
  second: SECOND,
  minute: MINUTE,
  hour: HOUR,
  day: DAY,
  week: WEEK,
  month: MONTH,
  year: YEAR,
};

/** How many of a unit make the next one, as the viewer counts: 60 s, 60 min, 24 h, 7 days, 12 months. */
const NEXT: Partial<Record<Unit, { unit: Unit; count: number }>> = {
  second: { unit: 'minute', count: 60 },
  minute: { unit: 'hour', count: 60 },
  hour: { unit: 'day', count: 24 },
  day: { unit: 'week', count: 7 },
  week: { unit: 'month', count: MONTH / WEEK },
  month: { unit: 'year', count: 12 },
};

const NOW = Date.UTC(2026, 5, 15, 12, 0, 0);
const en = { locale: 'en-US' };

/** The number and unit an English relative time says ("yesterday" is 1 day, "now" 0 seconds). */
function spoken(text: string): { value: number; unit: Unit } {
  if (text === 'now') return { value: 0, unit: 'second' };
  const word = /^(?:yesterday|tomorrow)$/.exec(text);
  if (word) return { value: 1, unit: 'day' };
  const named = /^(?:last|next|this) (second|minute|hour|day|week|month|year)$/.exec(text);
  if (named) return { value: text.startsWith('this') ? 0 : 1, unit: named[1] as Unit };
  const counted = /^(?:in )?([\d,]+) (second|minute|hour|day|week|month|year)s?(?: ago)?$/.exec(text);
  if (!counted) throw new Error(`unreadable relative time "${text}"`);
  return { value: Number(counted[1].replace(/,/g, '')), unit: counted[2] as Unit };
}

/** A difference from now (ms, either sign) and what it reads as. */
function shownFor(diff: number) {
  return spoken(formatRelativeTime(NOW + diff, NOW, en));
}

/** Differences within a couple of seconds of every rounding boundary "n − ½ units", in both directions. */
const nearBoundary = fc
  .tuple(
    fc.constantFrom<Unit>('second', 'minute', 'hour', 'day', 'month'),
    fc.integer({ min: -2000, max: 2000 }),
    fc.boolean(),
  )
  .map(([unit, offset, past]) => {
    const boundary = (NEXT[unit]!.count - 0.5) * UNIT_MS[unit];
    return (past ? -1 : 1) * (boundary + offset);
  });

const anyDiff = fc.oneof(
  fc.integer({ min: -3 * YEAR, max: 3 * YEAR }),
  fc.integer({ min: -2 * DAY, max: 2 * DAY }),
  nearBoundary,
);

describe('relative time carries into the next unit', () => {
  it('never shows a number that reaches the next unit’s size', () => {
    fc.assert(
      fc.property(anyDiff, (diff) => {
        const { value, unit } = shownFor(diff);
        const next = NEXT[unit];
        if (next) expect(value, `${diff} ms: ${value} ${unit}`).to.be.lessThan(next.count);
      }),
      { numRuns: 5000 },
    );
  });

  it('is within half a shown unit of the true difference, and says past or future', () => {
    fc.assert(
      fc.property(anyDiff, (diff) => {
        fc.pre(Math.abs(diff) >= 45 * SECOND); // Under 45 s it says "now".
        const text = formatRelativeTime(NOW + diff, NOW, en);
        const { value, unit } = spoken(text);
        expect(Math.abs(value * UNIT_MS[unit] - Math.abs(diff)), text).to.be.at.most(UNIT_MS[unit] / 2);
        expect(/ago|^last|^yesterday/.test(text), text).to.equal(diff < 0);
      }),
      { numRuns: 5000 },
    );
  });

  it('carries exactly at the boundaries', () => {
    const ago = (ms: number) => formatRelativeTime(NOW - ms, NOW, en);
    const ahead = (ms: number) => formatRelativeTime(NOW + ms, NOW, en);
    expect(ago(59.4 * MINUTE)).to.equal('59 minutes ago');
    expect(ago(59.5 * MINUTE)).to.equal('1 hour ago');
    expect(ago(59.6 * MINUTE)).to.equal('1 hour ago');
    expect(ahead(59.5 * MINUTE)).to.equal('in 1 hour');
    expect(ago(59.5 * SECOND)).to.equal('1 minute ago');
    expect(ago(59.4 * SECOND)).to.equal('59 seconds ago');
    expect(ago(23.4 * HOUR)).to.equal('23 hours ago');
    expect(ago(23.5 * HOUR)).to.equal('yesterday');
    expect(ahead(23.5 * HOUR)).to.equal('tomorrow');
    expect(ago(6.4 * DAY)).to.equal('6 days ago');
    expect(ago(6.5 * DAY)).to.equal('last week');
    expect(ago(11.4 * MONTH)).to.equal('11 months ago');
    expect(ago(11.5 * MONTH)).to.equal('last year');
    expect(ahead(11.5 * MONTH)).to.equal('next year');
  });
});

describe('formatRelativeTime: texts already said', () => {
  it('asks Intl once per locale, number and unit, and never gives one locale’s text to another', () => {
    const format = sinon.spy(Intl.RelativeTimeFormat.prototype, 'format');
    try {
      const now = Date.parse('2026-11-20T12:00:00Z');
      const at = (ms: number) => new Date(now - ms).toISOString();
      const first = formatRelativeTime(at(3 * MINUTE + 7 * SECOND), now, { locale: 'en-GB' });
      const again = formatRelativeTime(at(3 * MINUTE - 9 * SECOND), now, { locale: 'en-GB' });
      expect(first).to.equal('3 minutes ago');
      expect(again).to.equal(first);
      expect(format.callCount).to.equal(1);
      expect(formatRelativeTime(at(3 * MINUTE), now, { locale: 'de' })).to.equal('vor 3 Minuten');
      expect(formatRelativeTime(at(-3 * MINUTE), now, { locale: 'en-GB' })).to.equal('in 3 minutes');
      expect(format.callCount).to.equal(3);
    } finally {
      format.restore();
    }
  });
});
