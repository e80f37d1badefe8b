import { md5 } from '@noble/hashes/legacy.js';
import { text } from '../../protocol/text.ts';
import type { AlgorithmCause } from '../types.ts';
import { example } from './example.ts';

export const hmacMd5: AlgorithmCause = {
  code: 'hmac-md5',
  layer: 'algorithm',
  title: text('HMAC-MD5 instead of HMAC-SHA256', 'HMAC-MD5 i stället för HMAC-SHA256'),
  tries: text(
    'HMAC-MD5 with each key: its digest is 32 hexadecimal characters, the same length as NB_HMAC',
    'HMAC-MD5 med varje nyckel: dess summa är 32 hexadecimala tecken, samma längd som NB_HMAC',
  ),
  pairsWith: 'any',
  example: example('HMAC-MD5 of "999999&00002&899,00&SEK&123450"', 'EF2D6C3B2BF58F8556D0F74868B5129C'),
  algorithm: {
    name: 'HMAC-MD5',
    hash: md5,
    cause: 'hmac-md5',
    say: text(
      'The MAC was made with HMAC-MD5, whose 32 hexadecimal characters look like an NB_HMAC, instead of HMAC-SHA256: use SHA-256.',
      'MAC:en gjordes med HMAC-MD5, vars 32 hexadecimala tecken liknar en NB_HMAC, i stället för HMAC-SHA256: använd SHA-256.',
    ),
  },
  fits: (length) => length === 16,
};
