/**
 * A shop's request carried to the test page in its URL fragment (never sent to a server): by the
 * development server's bank addresses (`scripts/dev-bank.ts`, as the site's worker would keep it), by a
 * test-mode checkout when the simulator's worker is not installed, and by the support bookmarklet
 * (`components/ebet-test-page/bookmarklet.ts`, the fields of a shop's checkout form). The fragment
 * is URL-encoded: `fields` holds the request as text (a URL-encoded body or NAME=value lines); a
 * request received at a bank address adds `endpoint`, `method`, `type`, `charset`, `at` and `truncated`.
 */
import type { RequestKind, SimulatorEndpoint } from '../../src/bank/simulator.ts';

/** A request as received at one of the simulator's addresses (the worker keeps it with an id). */
export interface ReceivedRequest {
  readonly endpoint: SimulatorEndpoint;
  readonly kind: RequestKind;
  readonly method: string;
  readonly contentType: string;
  /** ISO date-time. */
  readonly receivedAt: string;
  /** The body (or query string) as text: URL-encoded as sent, or NAME=value lines. */
  readonly text: string;
  /** How the body's bytes were read, when the receiver had to choose. */
  readonly charset: 'utf-8' | 'iso-8859-1';
  /** Set when the body was cut to the size the simulator keeps. */
  readonly truncated?: boolean;
  /** The whole body's size in bytes, when it was cut. */
  readonly size?: number;
}

/** The fragment (without `#`) for a request received at one of the simulator's addresses. */
export function requestFragment(request: ReceivedRequest): string {
  return new URLSearchParams({
    fields: request.text,
    endpoint: request.endpoint,
    method: request.method,
    type: request.contentType,
    charset: request.charset,
    at: request.receivedAt,
    ...(request.truncated ? { truncated: '1' } : {}),
  }).toString();
}

/** What a fragment carries: a received request (to keep, as the worker does), fields only (to check), or nothing. */
export type FragmentRequest = { readonly received: ReceivedRequest } | { readonly fields: string } | null;

/**
 * Reads a page's fragment (`location.hash`, with or without `#`); `endpoints` is the simulator's
 * table of addresses (`SIMULATOR_ENDPOINTS`), passed in so that a checkout that only writes fragments stays small.
 */
export function readRequestFragment(hash: string, endpoints: Readonly<Record<SimulatorEndpoint, RequestKind>>): FragmentRequest {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const fields = params.get('fields');
  if (fields === null) return null;
  const endpoint = params.get('endpoint');
  if (endpoint === null || !Object.hasOwn(endpoints, endpoint)) return { fields };
  const known = endpoint as SimulatorEndpoint;
  return {
    received: {
      endpoint: known,
      kind: endpoints[known],
      method: params.get('method') ?? 'POST',
      contentType: params.get('type') ?? '',
      receivedAt: params.get('at') ?? new Date().toISOString(),
      text: fields,
      charset: params.get('charset') === 'iso-8859-1' ? 'iso-8859-1' : 'utf-8',
      ...(params.get('truncated') ? { truncated: true } : {}),
    },
  };
}
