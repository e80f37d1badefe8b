// Runs inside headless Chromium (bundled by scripts/bench.mjs). Each measure runs its body
// repeatedly for a fixed time and reports operations per second; results go to window.__bench.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { computeMac, encodeText, keyBytes, keyedHmac, TEST_KEY } from '../../src/index.ts';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
}

function rate(body: () => void, ms = 700): number {
  for (let i = 0; i < 200; i++) body();
  let count = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 100; i++) body();
    count += 100;
    now = performance.now();
  }
  return Math.round((count * 1000) / (now - start));
}

const FIELDS = { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: '00002', NB_DB_AMOUNT: '899,00', NB_DB_CUR: 'SEK', NB_DB_REF: '123450' };
const message = encodeText('999999&00002&899,00&SEK&123450');
const key = keyBytes(TEST_KEY);
const keyed = keyedHmac(key);

export const rows: BenchRow[] = [
  { name: 'noble raw HMAC-SHA256, 30-byte message', value: rate(() => hmac(sha256, key, message)), unit: 'ops/s' },
  { name: 'keyedHmac (cloned keyed state), same message', value: rate(() => keyed(message)), unit: 'ops/s' },
  { name: 'computeMac(payDirect) incl. string and key parsing', value: rate(() => computeMac('payDirect', FIELDS, TEST_KEY)), unit: 'ops/s' },
];

(window as unknown as { __bench: BenchRow[] }).__bench = rows;
