import { hexToBytes } from '@noble/hashes/utils.js';
import { groupHex, normalizeKey, TEST_KEY } from '../../protocol/key.ts';
import { text } from '../../protocol/text.ts';
import type { KeyCause, KeyUseOf, RingContext } from '../types.ts';
import { example } from './example.ts';

/** Every key of the ring that is not valid on the date, as bytes. */
function keys({ ring, acceptable, keyIndex, date, kvvs, interpretation }: RingContext): KeyUseOf[] {
  return ring.flatMap((entry, index) =>
    acceptable.includes(index)
      ? []
      : [
          {
            interpretation: interpretation(index, 'bytes'),
            cause: 'other-key' as const,
            raw: hexToBytes(normalizeKey(entry.key)),
            say: text(
              `It was made with key ${index + 1} of the ring (${entry.from ?? '…'} – ${entry.to ?? '…'}, KVV ${groupHex(kvvs[index]!)})${keyIndex >= 0 ? `, not key ${keyIndex + 1}, the key valid on ${date}` : `, while no key of the ring is valid on ${date}`}.`,
              `Den gjordes med nyckel ${index + 1} i nyckelringen (${entry.from ?? '…'} – ${entry.to ?? '…'}, KVV ${groupHex(kvvs[index]!)})${keyIndex >= 0 ? `, inte nyckel ${keyIndex + 1} som gäller ${date}` : `, medan ingen nyckel i nyckelringen gäller ${date}`}.`,
            ),
          },
        ],
  );
}

export const otherKey: KeyCause = {
  code: 'other-key',
  layer: 'key',
  title: text('Another key of the key ring', 'En annan nyckel i nyckelringen'),
  tries: text('every other key of the ring (another validity period)', 'varje annan nyckel i nyckelringen (en annan giltighetsperiod)'),
  pairsWith: 'any',
  example: example('HMAC-SHA256 of "999999&00002&899,00&SEK&123450" with key 00112233445566778899AABBCCDDEEFF (key 2 of a ring whose key 1 is the test key, valid until 2026-06-30)', '9E5F6CA376F802D9FB8A91D416BA9F6C', {}, {
    key: [
      { key: TEST_KEY, from: '2026-01-01', to: '2026-06-30' },
      { key: '00112233445566778899AABBCCDDEEFF', from: '2026-07-01' },
    ],
    options: { date: '2026-06-30' },
  }),
  keys,
};
