/**
 * The simulated bank's storage in this browser (IndexedDB): the requests the service worker
 * received, the ledger of simulated payments and repayments, and the attempt log. Used by the page and by the
 * service worker alike. The ledger is one record, changed only inside one read-write transaction,
 * so two open tabs can never carry out the same repayment twice; every change is announced on a
 * BroadcastChannel so that the other tabs re-read it. No key is ever stored here.
 *
 * Everything stored is bounded (issue 25), by one helper (`src/bank/bounds.ts`): a request's text
 * at most `REQUEST_LIMITS.chars`, the requests together `REQUEST_LIMITS.store`; the ledger
 * `LEDGER_LIMITS`; the attempt log `ATTEMPT_LIMITS` — the oldest dropped first, and counted.
 */
import { ATTEMPT_LIMITS, boundAttempt, byTime, KEEP_ATTEMPTS, withinBudget, type Attempt } from '../../src/bank/attempt-log.ts';
import { newestWithin, storedSize, valueCutter, type CutValue } from '../../src/bank/bounds.ts';
import type { ReceivedRequest } from '../shared/request-fragment.ts';
import { boundLedger, EMPTY_LEDGER, type Ledger } from '../../src/bank/simulator.ts';

let databaseName = 'ebet-bank-simulator';
const REQUESTS = 'requests';
const LEDGER = 'ledger';
const LEDGER_ID = 'ledger';
const ATTEMPTS = 'attempts';
/** The attempts by time (`[at, id]`): read newest first. */
const BY_TIME = 'by-time';
/** What the stores say of themselves: how many attempts were dropped. */
const NOTES = 'notes';
const ATTEMPTS_DROPPED = 'attempts-dropped';
/** Version 2 added the attempt log; 3 its index by time and the notes. */
const VERSION = 3;

/** How much of the received requests is kept: the oldest are dropped first. */
export const REQUEST_LIMITS = {
  /** Requests kept at most. */
  keep: 200,
  /** Characters kept of one request's text (as the service worker keeps 64 kB of a body). */
  chars: 64 * 1024,
  /** All the requests, in characters of their JSON. */
  store: 4 * 1024 * 1024,
} as const;

/** A request as the service worker received it, with its id. */
export interface StoredRequest extends ReceivedRequest {
  readonly id: string;
  /** The text's length and hash, when it was cut to `REQUEST_LIMITS.chars`. */
  readonly cut?: CutValue;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

let opening: Promise<IDBDatabase> | null = null;
type Topic = 'ledger' | 'attempts';
const channels = new Map<Topic, BroadcastChannel>();

/**
 * Uses another database: a separate simulated bank with its own ledger and requests (e.g. one per
 * test file, as test files run side by side on one origin). Call it before anything else.
 */
export function useDatabase(name: string): void {
  databaseName = name;
  opening = null;
  for (const channel of channels.values()) channel.close();
  channels.clear();
}

const channelName = (topic: Topic) => `${databaseName}-${topic}`;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(databaseName, VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(REQUESTS)) db.createObjectStore(REQUESTS, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(LEDGER)) db.createObjectStore(LEDGER);
      const attempts = db.objectStoreNames.contains(ATTEMPTS) ? req.transaction!.objectStore(ATTEMPTS) : db.createObjectStore(ATTEMPTS, { keyPath: 'id' });
      if (!attempts.indexNames.contains(BY_TIME)) attempts.createIndex(BY_TIME, ['at', 'id']);
      if (!db.objectStoreNames.contains(NOTES)) db.createObjectStore(NOTES);
    };
    req.onsuccess = () => {
      req.result.onversionchange = () => {
        req.result.close();
        opening = null;
      };
      resolve(req.result);
    };
    req.onerror = () => {
      opening = null;
      reject(req.error);
    };
  });
  return opening;
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

/** A received request as it is kept: its text cut to `REQUEST_LIMITS.chars` (noted as `truncated`, with its size and hash). */
function boundRequest<T extends Omit<StoredRequest, 'id'>>(received: T): T {
  const cuts: CutValue[] = [];
  const text = valueCutter(REQUEST_LIMITS.chars, cuts)('', received.text);
  if (!cuts.length) return received;
  return { ...received, text, truncated: true, size: received.size ?? new TextEncoder().encode(received.text).length, cut: cuts[0] };
}

/** Stores a received request (bounded), dropping the oldest beyond what is kept, and returns its id. */
export async function saveRequest(received: Omit<StoredRequest, 'id'>): Promise<string> {
  const db = await open();
  const id = `${Date.now().toString(36)}-${crypto.randomUUID().slice(0, 8)}`;
  const tx = db.transaction(REQUESTS, 'readwrite');
  const store = tx.objectStore(REQUESTS);
  store.put({ ...boundRequest(received), id });
  // Ids begin with the time: in key order, the oldest first.
  const all = await request(store.getAll() as IDBRequest<StoredRequest[]>);
  const kept = new Set(newestWithin(all.slice(Math.max(0, all.length - REQUEST_LIMITS.keep)), REQUEST_LIMITS.store).map((r) => r.id));
  for (const old of all) if (!kept.has(old.id)) store.delete(old.id);
  await done(tx);
  return id;
}

/** A received request by its id. */
export async function loadRequest(id: string): Promise<StoredRequest | undefined> {
  const db = await open();
  return request(db.transaction(REQUESTS).objectStore(REQUESTS).get(id) as IDBRequest<StoredRequest | undefined>);
}

/** The ledger as stored now, within its bounds (a ledger stored before it was bounded is stored again cut). */
export async function readLedger(): Promise<Ledger> {
  const db = await open();
  const stored = await request(db.transaction(LEDGER).objectStore(LEDGER).get(LEDGER_ID) as IDBRequest<Ledger | undefined>);
  if (!stored) return EMPTY_LEDGER;
  const bounded = boundLedger(stored);
  if (bounded !== stored) void updateLedger((ledger) => ({ ledger, result: undefined })).catch(() => {});
  return bounded;
}

/** Tells every listener, in this tab and the others (a channel object hears the others' messages). */
function announce(topic: Topic): void {
  let channel = channels.get(topic);
  if (!channel) channels.set(topic, (channel = new BroadcastChannel(channelName(topic))));
  channel.postMessage('changed');
}

/**
 * Changes the ledger atomically: `change` gets the stored ledger and returns the new one with a
 * result, within one read-write transaction (so a concurrent change in another tab waits).
 */
export async function updateLedger<T>(change: (ledger: Ledger) => { ledger: Ledger; result: T }): Promise<T> {
  const db = await open();
  const tx = db.transaction(LEDGER, 'readwrite');
  const store = tx.objectStore(LEDGER);
  const result = await new Promise<T>((resolve, reject) => {
    const get = store.get(LEDGER_ID);
    get.onerror = () => reject(get.error);
    get.onsuccess = () => {
      try {
        const outcome = change((get.result as Ledger | undefined) ?? EMPTY_LEDGER);
        store.put(boundLedger(outcome.ledger), LEDGER_ID);
        resolve(outcome.result);
      } catch (error) {
        tx.abort();
        reject(error);
      }
    };
  });
  await done(tx);
  announce('ledger');
  return result;
}

/** Replaces the ledger (import) or clears it (`EMPTY_LEDGER`). */
export function replaceLedger(ledger: Ledger): Promise<void> {
  return updateLedger(() => ({ ledger, result: undefined }));
}

/**
 * Calls `listener` whenever the ledger may have changed: in this tab, in another tab (broadcast),
 * or when the tab becomes visible again. Returns a function that stops listening.
 */
export function onLedgerChange(listener: () => void): () => void {
  return onChange('ledger', listener);
}

function onChange(topic: Topic, listener: () => void): () => void {
  const own = new BroadcastChannel(channelName(topic));
  own.onmessage = () => listener();
  const visible = () => {
    if (document.visibilityState === 'visible') listener();
  };
  document.addEventListener('visibilitychange', visible);
  return () => {
    own.close();
    document.removeEventListener('visibilitychange', visible);
  };
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** One batch of the log by time, newest first, before `before` (`[at, id]`; from the newest when `null`). */
async function attemptBatch(before: IDBValidKey | null, size: number): Promise<{ attempts: Attempt[]; last: IDBValidKey | null }> {
  const db = await open();
  const index = db.transaction(ATTEMPTS).objectStore(ATTEMPTS).index(BY_TIME);
  const cursor = index.openCursor(before === null ? null : IDBKeyRange.upperBound(before, true), 'prev');
  const attempts: Attempt[] = [];
  let last: IDBValidKey | null = null;
  return new Promise((resolve, reject) => {
    cursor.onerror = () => reject(cursor.error);
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (at) {
        attempts.push(at.value as Attempt);
        last = at.key;
      }
      if (!at || attempts.length === size) resolve({ attempts, last: at ? last : null });
      else at.continue();
    };
  });
}

/**
 * Reads the attempt log newest first, `size` attempts at a time, each batch in its own transaction
 * with a task between batches, so that the page answers while a long log is read. `onBatch` gets
 * each batch (bounded, within the log's budget: older attempts beyond it are not read); it returns
 * `false` to stop. A record stored before attempts were bounded (one paste could store 30 MB) is
 * stored again cut, so the next visit reads it fast.
 */
export async function readAttemptsNewestFirst(onBatch: (attempts: Attempt[]) => boolean | void, size = 20): Promise<void> {
  let before: IDBValidKey | null = null;
  let total = 0;
  for (;;) {
    const batch = await attemptBatch(before, size);
    const kept = batch.attempts.map(boundAttempt);
    const cut = kept.filter((attempt, i) => attempt !== batch.attempts[i]);
    if (cut.length) void saveAttempts(cut).catch(() => {});
    const within = kept.filter((attempt) => (total += storedSize(attempt)) <= ATTEMPT_LIMITS.log);
    if (onBatch(within) === false || within.length < kept.length || batch.last === null) return;
    before = batch.last;
    await nextTask();
  }
}

/** The attempt log, oldest first, within its bounds. */
export async function readAttempts(): Promise<Attempt[]> {
  const newest: Attempt[] = [];
  await readAttemptsNewestFirst((batch) => void newest.push(...batch), 100);
  return newest.reverse();
}

/** An attempt by its id. */
export async function loadAttempt(id: string): Promise<Attempt | undefined> {
  const db = await open();
  return request(db.transaction(ATTEMPTS).objectStore(ATTEMPTS).get(id) as IDBRequest<Attempt | undefined>);
}

/** How many attempts were dropped, the oldest, to keep the log within `KEEP_ATTEMPTS` and its budget (since it was last cleared). */
export async function attemptsDropped(): Promise<number> {
  const db = await open();
  return ((await request(db.transaction(NOTES).objectStore(NOTES).get(ATTEMPTS_DROPPED))) as number | undefined) ?? 0;
}

/** Adds or updates attempts (by id), dropping the oldest beyond what the log keeps; `replace` empties the log first. */
export async function saveAttempts(attempts: readonly Attempt[], replace = false): Promise<void> {
  const db = await open();
  const tx = db.transaction([ATTEMPTS, NOTES], 'readwrite');
  const store = tx.objectStore(ATTEMPTS);
  const notes = tx.objectStore(NOTES);
  if (replace) store.clear();
  for (const attempt of attempts) store.put(boundAttempt(attempt));
  // A record stored before attempts were bounded is cut here too, so that it is not dropped for its size.
  const all = (await request(store.getAll() as IDBRequest<Attempt[]>))
    .map((stored) => {
      const bounded = boundAttempt(stored);
      if (bounded !== stored) store.put(bounded);
      return bounded;
    })
    .sort(byTime);
  // At most KEEP_ATTEMPTS, and within the log's size budget: the oldest go first, counted.
  const kept = new Set(withinBudget(all.slice(Math.max(0, all.length - KEEP_ATTEMPTS))).map((a) => a.id));
  const dropped = all.filter((old) => !kept.has(old.id));
  for (const old of dropped) store.delete(old.id);
  if (replace) notes.put(dropped.length, ATTEMPTS_DROPPED);
  else if (dropped.length) notes.put(((await request(notes.get(ATTEMPTS_DROPPED))) as number | undefined ?? 0) + dropped.length, ATTEMPTS_DROPPED);
  await done(tx);
  announce('attempts');
}

/** Calls `listener` whenever the attempt log may have changed (here, in another tab, or on becoming visible). */
export function onAttemptsChange(listener: () => void): () => void {
  return onChange('attempts', listener);
}
