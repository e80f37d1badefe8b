/**
 * A shop's request carried to the test page in its URL fragment (never sent to a server): by the
 * development server's bank addresses (`scripts/dev-bank.ts`, as the site's worker would keep it) and
 * by the support bookmarklet (`bookmarklet.ts`, the fields of a shop's checkout form). The fragment
 * is URL-encoded: `fields` holds the request as text (a URL-encoded body or NAME=value lines); a
 * request received at a bank address adds `endpoint`, `method`, `type`, `charset`, `at` and `truncated`.
 */
import { SIMULATOR_ENDPOINTS, type SimulatorEndpoint } from '../../src/simulator.ts';
import type { StoredRequest } from './ledger-db.ts';

/** The fragment (without `#`) for a request received at one of the simulator's addresses. */
export function requestFragment(request: Omit<StoredRequest, 'id'>): string {
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
export type FragmentRequest = { readonly received: Omit<StoredRequest, 'id'> } | { readonly fields: string } | null;

/** Reads a page's fragment (`location.hash`, with or without `#`). */
export function readRequestFragment(hash: string): FragmentRequest {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const fields = params.get('fields');
  if (fields === null) return null;
  const endpoint = params.get('endpoint');
  if (endpoint === null || !Object.hasOwn(SIMULATOR_ENDPOINTS, endpoint)) return { fields };
  const known = endpoint as SimulatorEndpoint;
  return {
    received: {
      endpoint: known,
      kind: SIMULATOR_ENDPOINTS[known],
      method: params.get('method') ?? 'POST',
      contentType: params.get('type') ?? '',
      receivedAt: params.get('at') ?? new Date().toISOString(),
      text: fields,
      charset: params.get('charset') === 'iso-8859-1' ? 'iso-8859-1' : 'utf-8',
      ...(params.get('truncated') ? { truncated: true } : {}),
    },
  };
}
