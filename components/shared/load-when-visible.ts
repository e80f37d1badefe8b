/**
 * Loads what is below the fold only when it is about to be seen: `load` (a dynamic import that
 * defines an element) runs once `target` comes within a few lines of the viewport. Until then the
 * element stays undefined; the properties set on it meanwhile are taken over when it is defined.
 */
export function loadWhenVisible(target: Element, load: () => Promise<unknown>): void {
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      void load();
    },
    { rootMargin: '200px 0px' },
  );
  observer.observe(target);
}
