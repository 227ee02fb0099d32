/**
 * Time zones and generated instants for the wall-clock tests, with Temporal (temporal-polyfill)
 * as the reference for what a clock in each zone reads.
 */
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';

/**
 * Both hemispheres, both daylight-saving changes, offsets on the half hour (Kolkata, Adelaide,
 * St John's, Tehran, Lord Howe whose change is 30 minutes) and the 45 minutes (Kathmandu,
 * Chatham), a change of two hours (Troll), a negative "summer" time (Dublin), a Ramadan change
 * (Casablanca), zones without changes, and a day skipped at the date line (Apia, Kiritimati).
 */
export const ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Europe/Berlin',
  'Europe/Helsinki',
  'Europe/Moscow',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'America/Havana',
  'America/St_Johns',
  'America/Santiago',
  'America/Sao_Paulo',
  'America/Asuncion',
  'America/Mexico_City',
  'Pacific/Honolulu',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'Pacific/Apia',
  'Pacific/Kiritimati',
  'Australia/Sydney',
  'Australia/Adelaide',
  'Australia/Lord_Howe',
  'Australia/Perth',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tehran',
  'Asia/Tokyo',
  'Asia/Jerusalem',
  'Asia/Beirut',
  'Africa/Cairo',
  'Africa/Casablanca',
  'Africa/Johannesburg',
  'Antarctica/Troll',
];

const MINUTE = 60_000;
const YEAR_2000 = Date.UTC(2000, 0, 1);
const YEAR_2037 = Date.UTC(2037, 0, 1);

/** Temporal's reading of an instant in a zone. */
export const zoned = (ms: number, zone: string) =>
  Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);

/** The zone's next offset change after `ms`, if it has one (epoch ms). */
export function nextTransition(ms: number, zone: string): number | undefined {
  return zoned(ms, zone).getTimeZoneTransition('next')?.epochMilliseconds;
}

/** Any instant in 2000–2036, to the second. */
export const anyInstant = fc.integer({ min: YEAR_2000 / 1000, max: YEAR_2037 / 1000 }).map((s) => s * 1000);

/** A zone and one of its offset changes (epoch ms), with the offsets before and after it in minutes. */
export const zoneAndChange = fc
  .tuple(
    fc.constantFrom(...ZONES.filter((zone) => nextTransition(Date.UTC(2020, 0, 1), zone) !== undefined)),
    anyInstant,
  )
  .map(([zone, from]) => {
    const change = nextTransition(from, zone);
    return change === undefined
      ? undefined
      : {
          zone,
          change,
          before: offsetMinutes(zoned(change - 1, zone)),
          after: offsetMinutes(zoned(change, zone)),
        };
  })
  .filter((c): c is NonNullable<typeof c> => c !== undefined);

/**
 * A zone and an instant near one of its offset changes (within three hours either side, to the
 * minute), or anywhere when the zone has no change after the instant drawn.
 */
export const zoneAndInstantNearChange = fc
  .tuple(fc.constantFrom(...ZONES), anyInstant, fc.integer({ min: -180, max: 180 }))
  .map(([zone, from, minutes]) => {
    const change = nextTransition(from, zone);
    return { zone, ms: change === undefined ? from : change + minutes * MINUTE };
  });

/** A UTC offset as the 'fr' locale writes it ("UTC", "UTC+5:30", "UTC−4"), in minutes east. */
export function offsetMinutesOf(text: string): number {
  const match = /^(?:UTC|GMT)(?:([+−-])(\d{1,2})(?:[:.](\d{2}))?)?$/.exec(text);
  if (!match) throw new Error(`not an offset: "${text}"`);
  if (!match[1]) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '+' ? minutes : -minutes;
}

/** Temporal's offset of a zoned date-time in minutes east. */
export const offsetMinutes = (z: Temporal.ZonedDateTime) => Math.round(z.offsetNanoseconds / 60e9);

/** "HH:MM" of Temporal's wall clock. */
export const hhmm = (z: Temporal.ZonedDateTime) =>
  `${String(z.hour).padStart(2, '0')}:${String(z.minute).padStart(2, '0')}`;
