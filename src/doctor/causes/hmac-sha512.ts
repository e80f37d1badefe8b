import { sha512 } from '@noble/hashes/sha2.js';
import { text } from '../../protocol/text.ts';
import type { AlgorithmCause } from '../types.ts';
import { example } from './example.ts';

export const hmacSha512: AlgorithmCause = {
  code: 'hmac-sha512',
  layer: 'algorithm',
  title: text('HMAC-SHA512 instead of HMAC-SHA256', 'HMAC-SHA512 i stället för HMAC-SHA256'),
  tries: text('HMAC-SHA512 with each key, cut to the MAC’s length', 'HMAC-SHA512 med varje nyckel, avkortad till MAC:ens längd'),
  pairsWith: 'any',
  example: example('HMAC-SHA512 of "999999&00002&899,00&SEK&123450", its first 32 characters', 'D88D30BF7CFB8E079588A8E3C2D91F8B'),
  algorithm: {
    name: 'HMAC-SHA512',
    hash: sha512,
    cause: 'hmac-sha512',
    say: text(
      'The MAC is an HMAC-SHA512 cut to 32 characters instead of HMAC-SHA256: use SHA-256, not SHA-512.',
      'MAC:en är en HMAC-SHA512 avkortad till 32 tecken i stället för HMAC-SHA256: använd SHA-256, inte SHA-512.',
    ),
  },
  fits: (length) => length === 16,
};
