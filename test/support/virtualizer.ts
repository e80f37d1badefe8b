/**
 * The session view's list is a lit-virtualizer, which measures rows as they appear; Chromium then
 * reports "ResizeObserver loop completed with undelivered notifications", a notice that the next
 * frame delivers them, not a failure. Call at the top of a test file to let that notice pass while
 * every other error still fails the test.
 */
export function allowResizeObserverNotices(): void {
  let onerror: OnErrorEventHandler = null;
  before(() => {
    onerror = window.onerror;
    window.onerror = (message, ...rest) => (/ResizeObserver loop/.test(String(message)) ? true : (onerror?.(message, ...rest) ?? false));
  });
  after(() => {
    window.onerror = onerror;
  });
}
