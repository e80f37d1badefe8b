import { oneEvent } from '@open-wc/testing';
import type { EbetEventName } from '../../components/shared/events.ts';

/** The next `name` event on `target`, typed by the element's `HTMLElementEventMap` entry (no casts). */
export function nextEvent<K extends EbetEventName>(target: EventTarget, name: K): Promise<HTMLElementEventMap[K]> {
  return oneEvent<HTMLElementEventMap[K]>(target, name);
}
