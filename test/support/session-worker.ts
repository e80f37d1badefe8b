/**
 * Generates a session (test/support/session.ts) in a worker, so a test that watches the page's
 * long tasks does not see the generation, or the garbage it leaves, on its main thread.
 */
import { generateHar, generateLog } from './session.ts';

addEventListener('message', (event: MessageEvent<{ log: number; har: number }>) => {
  postMessage({ log: generateLog(event.data.log), har: generateHar(event.data.har) });
});
