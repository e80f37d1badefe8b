/**
 * Key rings: keys with validity periods. The handbook: each key is valid for an exact period and
 * keys change at a date boundary with no overlap in which both work.
 */
import { normalizeKey } from './key.ts';
import { EbetError, text, type Text } from './text.ts';

export interface KeyRingEntry {
  readonly key: string;
  /** First valid day, ISO `YYYY-MM-DD`, inclusive; open when absent. */
  readonly from?: string;
  /** Last valid day, ISO `YYYY-MM-DD`, inclusive; open when absent. */
  readonly to?: string;
  /** A name the user gave the key (never the key itself). */
  readonly label?: string;
}

/** One key, or a key ring: key strings and/or entries with validity dates. */
export type Keys = string | ReadonlyArray<string | KeyRingEntry>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The ring as entries, each key checked (throws naming the entry) and each date checked. */
export function normalizeKeys(keys: Keys): KeyRingEntry[] {
  const list = typeof keys === 'string' ? [keys] : keys;
  if (list.length === 0) {
    throw new EbetError('key-missing', text('No key was given', 'Ingen nyckel angavs'), 'key');
  }
  return list.map((item, index) => {
    const entry: KeyRingEntry = typeof item === 'string' ? { key: item } : item;
    const where = list.length > 1 ? index + 1 : 0;
    try {
      normalizeKey(entry.key);
    } catch (error) {
      if (error instanceof EbetError && where) {
        throw new EbetError(
          error.code,
          text(`Key ${where}: ${error.text.en}`, `Nyckel ${where}: ${error.text.sv}`),
          `key${where}`,
        );
      }
      throw error;
    }
    for (const bound of ['from', 'to'] as const) {
      const date = entry[bound];
      if (date !== undefined && date !== '' && (!ISO_DATE.test(date) || Number.isNaN(Date.parse(date)))) {
        throw new EbetError(
          'bad-date',
          text(
            `Key ${where || 1}: "${date}" is not a date; write it as YYYY-MM-DD`,
            `Nyckel ${where || 1}: ”${date}” är inget datum; skriv det som ÅÅÅÅ-MM-DD`,
          ),
          `key${where || 1}.${bound}`,
        );
      }
    }
    return entry;
  });
}

function validOn(entry: KeyRingEntry, date: string): boolean {
  return (!entry.from || entry.from <= date) && (!entry.to || date <= entry.to);
}

export interface KeySelection {
  /** The key valid on the date, or `null` when none is. */
  readonly entry: KeyRingEntry | null;
  readonly index: number;
  /** Warnings a person should see: the date lies on a change-over, periods overlap, no key is valid. */
  readonly warnings: Text[];
}

/** The key valid on a date (`YYYY-MM-DD`), with warnings on change-overs and overlaps. */
export function keyForDate(keys: Keys, date: string): KeySelection {
  const ring = normalizeKeys(keys);
  const warnings: Text[] = [];
  const valid = ring.map((entry, index) => ({ entry, index })).filter(({ entry }) => validOn(entry, date));
  if (ring.some((e) => e.from === date) || ring.some((e) => e.to === date)) {
    warnings.push(
      text(
        `${date} is a key change-over day: keys change at the date boundary with no overlap, so a message from near midnight may be signed with the neighbouring key`,
        `Den ${date} byts nyckeln: nycklarna byts vid midnatt utan överlapp, så ett meddelande från strax före eller efter midnatt kan vara signerat med den andra nyckeln`,
      ),
    );
  }
  if (valid.length > 1) {
    warnings.push(
      text(
        `Keys ${valid.map((v) => v.index + 1).join(' and ')} are both valid on ${date}; the handbook allows no overlap, so check their periods`,
        `Nycklarna ${valid.map((v) => v.index + 1).join(' och ')} gäller båda ${date}; handboken tillåter inget överlapp, så kontrollera perioderna`,
      ),
    );
  }
  if (valid.length === 0) {
    warnings.push(text(`No key in the ring is valid on ${date}`, `Ingen nyckel i nyckelringen gäller ${date}`));
    return { entry: null, index: -1, warnings };
  }
  return { entry: valid[0]!.entry, index: valid[0]!.index, warnings };
}

/** A NB_PAID timestamp read as a date (`YYYY-MM-DD`) when it starts with one (`20261123…`, `2026-11-23…`). */
export function dateOfPaid(paid: string): string | null {
  const m = /^\s*(\d{4})-?(\d{2})-?(\d{2})/.exec(paid);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? iso : null;
}
