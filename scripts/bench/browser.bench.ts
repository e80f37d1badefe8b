// Runs inside headless Chromium (bundled by scripts/bench.mjs). Each measure runs its body
// repeatedly for a fixed time and reports operations per second; results go to window.__bench.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { computeMac, diagnoseMac, type MessageKind, TEST_KEY } from '../../src/index.ts';
import { encodeText } from '../../src/encoding.ts';
import { keyBytes, keyedHmac } from '../../src/key.ts';

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

const REPAYMENT = { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: '00002', NB_DB_REF: '123450', NB_PAID: '20261123120000', NB_REPAY_AMOUNT: '120,00', NB_REPAY_CUR: 'SEK' };
/** A MAC nothing explains: the doctor runs every stage (the worst case). */
const UNEXPLAINED = '0123456789ABCDEF0123456789ABCDEF';

/** The mismatch doctor on an unexplained MAC: candidates per second over all runs, and the median time of one diagnosis. */
function doctor(kind: MessageKind, fields: Record<string, string>, ms = 1500): { perSecond: number; medianMs: number } {
  for (let i = 0; i < 20; i++) diagnoseMac(kind, fields, UNEXPLAINED, TEST_KEY);
  const times: number[] = [];
  let candidates = 0;
  let elapsed = 0;
  while (elapsed < ms) {
    const d = diagnoseMac(kind, fields, UNEXPLAINED, TEST_KEY);
    times.push(d.elapsedMs);
    candidates += d.candidates;
    elapsed += d.elapsedMs;
  }
  times.sort((a, b) => a - b);
  return { perSecond: Math.round((candidates * 1000) / elapsed), medianMs: Math.round(times[times.length >> 1]! * 10) / 10 };
}

const payDirect = doctor('payDirect', FIELDS);
const repayment = doctor('repayment', REPAYMENT);
const rawHmac = rate(() => hmac(sha256, key, message));
/** How many candidates the doctor tries in the time noble computes one raw HMAC (same page, same run). */
const ratio = (perSecond: number) => Math.round((perSecond / rawHmac) * 100) / 100;

export const rows: BenchRow[] = [
  { name: 'noble raw HMAC-SHA256, 30-byte message', value: rawHmac, unit: 'ops/s' },
  { name: 'keyedHmac (cloned keyed state), same message', value: rate(() => keyed(message)), unit: 'ops/s' },
  { name: 'computeMac(payDirect) incl. string and key parsing', value: rate(() => computeMac('payDirect', FIELDS, TEST_KEY)), unit: 'ops/s' },
  { name: 'diagnoseMac candidates, payDirect, unexplained MAC (all stages)', value: payDirect.perSecond, unit: 'candidates/s' },
  { name: 'diagnoseMac full diagnosis, payDirect, unexplained MAC (median)', value: payDirect.medianMs, unit: 'ms' },
  { name: 'diagnoseMac candidates, repayment (6 signed fields: 720 orders)', value: repayment.perSecond, unit: 'candidates/s' },
  { name: 'diagnoseMac full diagnosis, repayment, unexplained MAC (median)', value: repayment.medianMs, unit: 'ms' },
  { name: 'doctor candidates/s ÷ noble raw HMAC/s, payDirect', value: ratio(payDirect.perSecond), unit: '×' },
  { name: 'doctor candidates/s ÷ noble raw HMAC/s, repayment', value: ratio(repayment.perSecond), unit: '×' },
];

(window as unknown as { __bench: BenchRow[] }).__bench = rows;
