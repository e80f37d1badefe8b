/** Wall-clock time in a time zone, with Intl (daylight saving included): the incident checklist's provider time and Sweden's date for keys and NB_PAID. */

/** A moment as the clock on the wall shows it in a time zone. */
export interface ZonedTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const FORMATTERS = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The wall-clock time of `date` in `timeZone`, computed with Intl (daylight saving included). */
export function zonedTime(date: Date, timeZone: string): ZonedTime {
  let format = FORMATTERS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    FORMATTERS.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(date)) parts[part.type] = part.value;
  return {
    year: Number(parts['year']),
    month: Number(parts['month']),
    day: Number(parts['day']),
    weekday: WEEKDAYS.indexOf(parts['weekday'] ?? '') + 1,
    hour: Number(parts['hour']) % 24,
    minute: Number(parts['minute']),
    second: Number(parts['second']),
  };
}

/** A number with leading zeros: `pad(7)` is `07`, `pad(5, 6)` is `000005`. */
export const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD HH:MM:SS` on this machine's clock (`HH.MM.SS` in Swedish): when an attempt was made or a form received. */
export function localTime(date: Date, lang: 'en' | 'sv'): string {
  return formatZoned(date, new Intl.DateTimeFormat().resolvedOptions().timeZone, true, lang);
}

/**
 * `YYYY-MM-DD HH:MM` on the wall clock of `timeZone`; Swedish (`lang` `'sv'`) writes the time of day
 * with full stops, `YYYY-MM-DD HH.MM`, everywhere (docs/svenska.md).
 */
export function formatZoned(date: Date, timeZone: string, seconds = false, lang: 'en' | 'sv' = 'en'): string {
  const z = zonedTime(date, timeZone);
  const mark = lang === 'sv' ? '.' : ':';
  return `${z.year}-${pad(z.month)}-${pad(z.day)} ${pad(z.hour)}${mark}${pad(z.minute)}${seconds ? `${mark}${pad(z.second)}` : ''}`;
}
