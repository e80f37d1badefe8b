/**
 * The session view's module worker: reads a large HAR or log, finds, verifies and diagnoses its
 * messages off the main thread, and posts progress, the rows in batches and the diagnoses. The key
 * arrives in the request's memory and is never stored or posted back. Cancel is `terminate()`.
 * It also reads a paste box's large paste (`fields`). Any error is posted as a `failed` reply.
 */
import { analyse, diagnoseRow, packRows, rowFailed, type SessionReply, type SessionRequest, type SessionRow } from './analyse.ts';
import type { Keys } from '../../src/protocol/key-ring.ts';
import { parseFields } from '../../src/reading/parse.ts';
// Whatever the worker reads may hold HTML: its reader is loaded with it.
import '../../src/reading/html-reader.ts';

/** Rows per message to the page: each arrives in a short task there. */
const BATCH = 500;

const post = (reply: SessionReply): void => postMessage(reply);

function diagnose(rows: readonly SessionRow[], keys: Keys): void {
  const items: Array<{ index: number; diagnosis: ReturnType<typeof diagnoseRow> }> = [];
  rows.forEach((row, i) => {
    items.push({ index: row.index, diagnosis: diagnoseRow(row, keys) });
    if (items.length === 20 || i === rows.length - 1) {
      post({ type: 'diagnoses', items: items.splice(0) });
      post({ type: 'progress', phase: 'diagnose', done: i + 1, total: rows.length });
    }
  });
}

/** Answers one request of the page. */
async function answer(request: SessionRequest): Promise<void> {
  if (request.type === 'diagnose') {
    diagnose(request.rows, request.keys);
  } else if (request.type === 'fields') {
    post({ type: 'fields', result: parseFields(request.input) });
  } else {
    let text: string;
    if (typeof request.input === 'string') text = request.input;
    else {
      post({ type: 'progress', phase: 'read', done: 0, total: request.input.size });
      text = await request.input.text();
    }
    const { rows, summary, counts } = analyse(text, request.keys, { encoding: request.encoding, onProgress: (phase, done, total) => post({ type: 'progress', phase, done, total }) });
    for (let i = 0; i < rows.length; i += BATCH) post({ type: 'rows', batch: packRows(rows.slice(i, i + BATCH)) });
    post({ type: 'done', summary, counts });
    if (request.keys) diagnose(rows.filter(rowFailed), request.keys);
  }
  post({ type: 'finished' });
}

// Every request is answered: with its results, or with what went wrong (a rejection of the async
// handler would reach no one, and the page would wait on "Reading the file 0 %" for ever).
addEventListener('message', (event: MessageEvent<SessionRequest>) => {
  answer(event.data).catch((error: unknown) => post({ type: 'failed', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }));
});
