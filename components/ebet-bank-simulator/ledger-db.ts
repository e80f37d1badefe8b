/**
 * The simulated bank's storage in this browser (IndexedDB): the requests the service worker
 * received, and the ledger of simulated payments and repayments. Used by the page and by the
 * service worker alike. The ledger is one record, changed only inside one read-write transaction,
 * so two open tabs can never carry out the same repayment twice; every change is announced on a
 * BroadcastChannel so that the other tabs re-read it. No key is ever stored here.
 */
import { EMPTY_LEDGER, type Ledger, type RequestKind, type SimulatorEndpoint } from '../../src/simulator.ts';

let databaseName = 'ebet-bank-simulator';
const REQUESTS = 'requests';
const LEDGER = 'ledger';
const LEDGER_ID = 'ledger';
/** How many received requests are kept (the oldest are dropped). */
const KEEP_REQUESTS = 200;

/** A request as the service worker received it. */
export interface StoredRequest {
  readonly id: string;
  readonly endpoint: SimulatorEndpoint;
  readonly kind: RequestKind;
  readonly method: string;
  readonly contentType: string;
  /** ISO date-time. */
  readonly receivedAt: string;
  /** The body (or query string) as text: URL-encoded as sent, or NAME=value lines. */
  readonly text: string;
  /** How the body's bytes were read, when the worker had to choose. */
  readonly charset: 'utf-8' | 'iso-8859-1';
  /** Set when the body was cut to the size the simulator keeps. */
  readonly truncated?: boolean;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

let opening: Promise<IDBDatabase> | null = null;
let channel: BroadcastChannel | null = null;

/**
 * Uses another database: a separate simulated bank with its own ledger and requests (e.g. one per
 * test file, as test files run side by side on one origin). Call it before anything else.
 */
export function useDatabase(name: string): void {
  databaseName = name;
  opening = null;
  channel?.close();
  channel = null;
}

const channelName = () => `${databaseName}-ledger`;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(databaseName, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore(REQUESTS, { keyPath: 'id' });
      db.createObjectStore(LEDGER);
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
function announce(): void {
  (channel ??= new BroadcastChannel(channelName())).postMessage('changed');
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
  announce();
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
  const own = new BroadcastChannel(channelName());
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
