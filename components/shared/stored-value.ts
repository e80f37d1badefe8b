/** A value kept in the browser (the simulator's IndexedDB), kept current in an element while it is connected. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface StoredSource<T> {
  /** Reads the stored value. */
  read(): Promise<T>;
  /** Calls the listener whenever the value may have changed; returns a function that stops listening. */
  watch(listener: () => void): () => void;
}

/**
 * Reads the value when its host connects and again whenever it may have changed (in this tab,
 * another tab, or on becoming visible); stops listening when the host disconnects. A failed read
 * keeps the last value and goes to `onError`.
 */
export class StoredValue<T> implements ReactiveController {
  private stop: (() => void) | null = null;
  /** Whether the stored value has been read once (until then `value` is the default). */
  loaded = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: StoredSource<T>,
    /** The value until the first read and after a failed one. */
    public value: T,
    private readonly onError: (error: unknown) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.stop = this.source.watch(() => void this.refresh());
    void this.refresh();
  }

  hostDisconnected(): void {
    this.stop?.();
    this.stop = null;
  }

  /** Reads the stored value again and updates the host; a failed read goes to `onError`. */
  async refresh(): Promise<void> {
    try {
      this.value = await this.source.read();
      this.loaded = true;
      this.host.requestUpdate();
    } catch (error) {
      this.onError(error);
    }
  }

  /** Sets the value the host has just stored, and updates the host. */
  set(value: T): void {
    this.value = value;
    this.host.requestUpdate();
  }
}
