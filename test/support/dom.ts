/**
 * The core's tests run in Chromium (web-test-runner) and in Node (`npm run test:core`, Mocha). A
 * test that compares the core with the browser itself (DOMParser, a page that could run script)
 * needs a DOM: it runs in Chromium and is listed as pending in Node.
 */
export const itWithDom = typeof document === 'undefined' ? it.skip : it;
