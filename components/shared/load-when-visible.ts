/**
 * Loads what is below the fold only when it is about to be seen: `load` (a dynamic import that
 * defines an element) runs once `target` comes within a few lines of the viewport. Until then the
 * element stays undefined; the properties set on it meanwhile are taken over when it is defined.
 * A load that fails (the network, or a deploy removed the file) is said in the element, which is
 * still undefined and so shows its own children, with a button that tries again.
 */
import { msg } from './locale.ts';

/** What a part that could not be loaded says (in the page's language). */
export const LOAD_FAILED = {
  get message() { return msg('This part could not be loaded: the connection failed, or the site has a new version.'); },
  get retry() { return msg('Try again'); },
};

/** A lazy import that runs once, and again after it failed (a rejected promise is not kept). */
export function retryable<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

const failed = (target: Element) => target.querySelector(':scope > [data-load-failed]') !== null;

/**
 * Runs `load`; when it fails, `target` (still undefined) says so with a button that tries again.
 * While it says so, nothing runs until the button is pressed.
 */
export function loadOrOffer(target: Element, load: () => Promise<unknown>): void {
  if (failed(target)) return;
  load().catch(() => {
    if (failed(target)) return;
    const notice = document.createElement('p');
    notice.setAttribute('role', 'alert');
    notice.className = 'level-error';
    notice.dataset['loadFailed'] = '';
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.textContent = LOAD_FAILED.retry;
    retry.addEventListener('click', () => {
      notice.remove();
      loadOrOffer(target, load);
    });
    notice.append(`${LOAD_FAILED.message} `, retry);
    target.append(notice);
  });
}

/** Runs `load` (through `loadOrOffer`) once `target` is about to be seen. */
export function loadWhenVisible(target: Element, load: () => Promise<unknown>): void {
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      loadOrOffer(target, load);
    },
    { rootMargin: '200px 0px' },
  );
  observer.observe(target);
}
