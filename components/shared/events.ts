/** Every event of the toolkit goes through here: `ebet-…`, bubbling, composed, with a typed detail. */
export function emit<T>(host: HTMLElement, name: `ebet-${string}`, detail: T, options: { cancelable?: boolean } = {}): boolean {
  return host.dispatchEvent(
    new CustomEvent<T>(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
  );
}
