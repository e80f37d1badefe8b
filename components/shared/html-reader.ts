/**
 * The elements read pasted HTML with parse5 (src/reading/html-form.ts, about 46 kB gzipped), which they
 * load only once a text may hold HTML (the core's `loadHtmlReader`): no tool's first bundle carries it.
 * Until it is there, a text that may hold HTML is not read at all (the element says it is reading),
 * so no result ever differs from the one the package's `parseFields` gives.
 */
import { hasHtmlReader, loadHtmlReader as loadReader } from '../../src/reading/parse.ts';
import { retryable } from './load-when-visible.ts';

/**
 * Whether `text` can be read at once: the HTML reader is loaded, or the text cannot hold HTML
 * anywhere (no `<`, not even one escaped in JSON as `\u003c`, which a HAR's strings may hold).
 */
export function readableNow(text: string): boolean {
  return hasHtmlReader() || !/<|\\u003c/i.test(text);
}

const load = retryable(loadReader);

/** Loads the HTML reader (once; again after a failure, which rejects: the caller says so and offers to try again). */
export async function loadHtmlReader(): Promise<void> {
  await load();
}
