/**
 * The simulated bank's storage in this browser (IndexedDB): the requests the service worker
 * received, the ledger of simulated payments and repayments, and the attempt log. Used by the page and by the
 * service worker alike. The ledger is one record, changed only inside one read-write transaction,
 * so two open tabs can never carry out the same repayment twice; every change is announced on a
 * BroadcastChannel so that the other tabs re-read it. No key is ever stored here.
 */
import { boundAttempt, byTime, KEEP_ATTEMPTS, withinBudget, type Attempt } from '../../src/bank/attempt-log.ts';
import type { ReceivedRequest } from '../shared/request-fragment.ts';
import { EMPTY_LEDGER, type Ledger } from '../../src/bank/simulator.ts';

let databaseName = 'ebet-bank-simulator';
const REQUESTS = 'requests';
const LEDGER = 'ledger';
const LEDGER_ID = 'ledger';
const ATTEMPTS = 'attempts';
/** Version 2 added the attempt log. */
const VERSION = 2;
/** How many received requests are kept (the oldest are dropped). */
const KEEP_REQUESTS = 200;

/** A request as the service worker received it, with its id. */
export interface StoredRequest extends ReceivedRequest {
  readonly id: string;
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
      if (!db.objectStoreNames.contains(ATTEMPTS)) db.createObjectStore(ATTEMPTS, { keyPath: 'id' });
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

/** Stores a received request and returns its id. */
export async function saveRequest(received: Omit<StoredRequest, 'id'>): Promise<string> {
  const db = await open();
  const id = `${Date.now().toString(36)}-${crypto.randomUUID().slice(0, 8)}`;
  const tx = db.transaction(REQUESTS, 'readwrite');
  const store = tx.objectStore(REQUESTS);
  store.put({ ...received, id });
  const keys = await request(store.getAllKeys());
  for (const old of keys.slice(0, Math.max(0, keys.length - KEEP_REQUESTS))) store.delete(old);
  await done(tx);
  return id;
}

/** A received request by its id. */
export async function loadRequest(id: string): Promise<StoredRequest | undefined> {
  const db = await open();
  return request(db.transaction(REQUESTS).objectStore(REQUESTS).get(id) as IDBRequest<StoredRequest | undefined>);
}

/** The ledger as stored now. */
export async function readLedger(): Promise<Ledger> {
  const db = await open();
  const stored = await request(db.transaction(LEDGER).objectStore(LEDGER).get(LEDGER_ID) as IDBRequest<Ledger | undefined>);
  return stored ?? EMPTY_LEDGER;
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
        store.put(outcome.ledger, LEDGER_ID);
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

/**
 * The attempt log, oldest first, within its bounds. A record stored before attempts were bounded
 * (one paste could store 30 MB) is stored again cut, so the next visit reads it fast.
 */
export async function readAttempts(): Promise<Attempt[]> {
  const db = await open();
  const all = await request(db.transaction(ATTEMPTS).objectStore(ATTEMPTS).getAll() as IDBRequest<Attempt[]>);
  const kept = all.map(boundAttempt);
  const cut = kept.filter((attempt, i) => attempt !== all[i]);
  if (cut.length) void saveAttempts(cut).catch(() => {});
  return withinBudget(kept.sort(byTime));
}

/** An attempt by its id. */
export async function loadAttempt(id: string): Promise<Attempt | undefined> {
  const db = await open();
  return request(db.transaction(ATTEMPTS).objectStore(ATTEMPTS).get(id) as IDBRequest<Attempt | undefined>);
}

/** Adds or updates attempts (by id), dropping the oldest beyond what the log keeps; `replace` empties the log first. */
export async function saveAttempts(attempts: readonly Attempt[], replace = false): Promise<void> {
  const db = await open();
  const tx = db.transaction(ATTEMPTS, 'readwrite');
  const store = tx.objectStore(ATTEMPTS);
  if (replace) store.clear();
  for (const attempt of attempts) store.put(attempt);
  const all = (await request(store.getAll() as IDBRequest<Attempt[]>)).sort(byTime);
  // At most KEEP_ATTEMPTS, and within the log's size budget: the oldest go first.
  const kept = new Set(withinBudget(all.slice(Math.max(0, all.length - KEEP_ATTEMPTS))).map((a) => a.id));
  for (const old of all) if (!kept.has(old.id)) store.delete(old.id);
  await done(tx);
  announce('attempts');
}

/** Calls `listener` whenever the attempt log may have changed (here, in another tab, or on becoming visible). */
export function onAttemptsChange(listener: () => void): () => void {
  return onChange('attempts', listener);
}
