import { parseAmount } from '../../protocol/amount.ts';
import { fieldSpec } from '../../protocol/fields.ts';
import { quoted, text } from '../../protocol/text.ts';
import type { Tweak, ValueCause } from '../types.ts';
import { example } from './example.ts';

/** The forms an amount is commonly signed in, other than the one given. */
function amountForms(value: string): string[] {
  const parsed = parseAmount(value);
  if (!parsed) return [];
  const whole = String(Math.floor(parsed.hundredths / 100));
  const cents = String(parsed.hundredths % 100).padStart(2, '0');
  const grouped = (sep: string) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  const forms = [
    `${whole}.${cents}`,
    `${whole},${cents}`,
    // The shortest number (the whole amount alone when it has no öre), with a point or a comma.
    String(parsed.hundredths / 100),
    String(parsed.hundredths / 100).replace('.', ','),
    String(parsed.hundredths),
    // Grouped in thousands (up to 999 the same as the first two forms, which the set keeps once).
    `${grouped('\u00a0')},${cents}`,
    `${grouped(' ')},${cents}`,
    `${grouped('\u202f')},${cents}`,
    `${grouped('.')},${cents}`,
    `${grouped(',')}.${cents}`,
  ];
  return [...new Set(forms)].filter((f) => f !== value);
}

export const amountFormat: ValueCause = {
  code: 'amount-format',
  layer: 'value',
  title: text('Amount signed in another format', 'Beloppet signerat i ett annat format'),
  tries: text(
    'each amount with a decimal point, without decimals, in hundredths, with thousands separators, or in the comma form',
    'varje belopp med decimalpunkt, utan decimaler, i ören, med tusentalsavgränsare eller med decimalkomma',
  ),
  pairsWith: ['whitespace', 'field-order', 'missing-field', 'extra-field', 'separator'],
  example: example('HMAC-SHA256 of "999999&00002&899.00&SEK&123450" (the amount with a point)', 'EE5D4EB44A60F24889C624A267671A0B'),
  tweaks: ({ kind, base, pieces, fromBank }) => {
    const tweaks: Tweak[] = [];
    base.forEach((entry, index) => {
      if (fieldSpec(kind, entry.name)!.rule !== 'amount') return; // a signed field is always one of the message's
      for (const form of amountForms(entry.value)) {
        tweaks.push({
          cause: 'amount-format',
          index,
          changes: [[index, pieces.of(form)]],
          say: fromBank
            ? text(
                `The bank signed ${entry.name} as ${quoted(form)}; the message as you have it carries ${quoted(entry.value)}: your side (its log, its parser or a copy) turned ${quoted(form)} into ${quoted(entry.value)}. Read the answer exactly as the bank posted it.`,
                `Banken signerade ${entry.name} som ${quoted(form, 'sv')}; i ditt meddelande står det ${quoted(entry.value, 'sv')}: något hos dig (loggen, parsern eller en kopia) har ändrat ${quoted(form, 'sv')} till ${quoted(entry.value, 'sv')}. Läs svaret exakt som banken skickade det.`,
              )
            : text(
                `${entry.name} was signed as ${quoted(form)} while the message carries ${quoted(entry.value)}: sign the value exactly as sent.`,
                `${entry.name} signerades som ${quoted(form, 'sv')}, men i meddelandet står det ${quoted(entry.value, 'sv')}: signera värdet exakt som det skickas.`,
              ),
        });
      }
    });
    return tweaks;
  },
};
