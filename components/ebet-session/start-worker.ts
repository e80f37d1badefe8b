/**
 * Starts the session's module worker (`session-worker.ts`): the session view reads a large HAR or log
 * in it, and a paste box (`ebet-fields-input`) reads a large paste in it, so neither blocks the page.
 */
export function startSessionWorker(): Worker {
  return new Worker(new URL('./session-worker.ts', import.meta.url), { type: 'module' });
}
