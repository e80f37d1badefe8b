import { sha1 } from '@noble/hashes/legacy.js';
import { text } from '../../protocol/text.ts';
import type { AlgorithmCause } from '../types.ts';
import { example } from './example.ts';

export const hmacSha1: AlgorithmCause = {
  code: 'hmac-sha1',
  layer: 'algorithm',
  title: text('HMAC-SHA1 instead of HMAC-SHA256', 'HMAC-SHA1 i stället för HMAC-SHA256'),
  tries: text(
    'HMAC-SHA1 with each key, when the MAC has 40 hexadecimal characters (the length of a SHA-1 digest)',
    'HMAC-SHA1 med varje nyckel, när MAC:en har 40 hexadecimala tecken (längden på en SHA-1-summa)',
  ),
  pairsWith: 'any',
  example: example('HMAC-SHA1 of "999999&00002&899,00&SEK&123450", all 40 characters', '3C19BA285B8440179B2BDFFB9D9C4257AF8E9C22'),
  algorithm: {
    name: 'HMAC-SHA1',
    hash: sha1,
    cause: 'hmac-sha1',
    say: text(
      'The MAC was made with HMAC-SHA1 (40 hexadecimal characters) instead of HMAC-SHA256: use SHA-256 and send the first 32 characters.',
      'MAC:en gjordes med HMAC-SHA1 (40 hexadecimala tecken) i stället för HMAC-SHA256: använd SHA-256 och skicka de första 32 tecknen.',
    ),
  },
  fits: (length) => length === 20,
};
