/**
 * The toolkit's events: each element declares its own in `HTMLElementEventMap` (name → `CustomEvent`
 * with its detail), so that `addEventListener('ebet-…', (e) => e.detail…)` is typed for its users.
 */
export type EbetEventName = keyof HTMLElementEventMap & `ebet-${string}`;

/** The detail an event of the map carries. */
export type EbetEventDetail<K extends EbetEventName> = HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Every event of the toolkit goes through here: `ebet-…`, bubbling, composed, with the detail its map entry names. */
export function emit<K extends EbetEventName>(host: HTMLElement, name: K, detail: EbetEventDetail<K>, options: { cancelable?: boolean } = {}): boolean {
  return host.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
}
