import { TEST_KVV } from '../../protocol/key.ts';
import { text } from '../../protocol/text.ts';
import type { DirectCause } from '../types.ts';
import { example } from './example.ts';

export const kvvAsMac: DirectCause = {
  code: 'kvv-as-mac',
  layer: 'direct',
  title: text('The KVV sent as the MAC', 'KVV:n skickad som MAC'),
  tries: text('the KVV of each key compared with the given MAC', 'varje nyckels KVV jämförd med den angivna MAC:en'),
  pairsWith: [],
  example: example('the KVV (HMAC-SHA256 of "00000000") sent as NB_HMAC', TEST_KVV),
};
