/**
 * Asks a shop's own endpoint (its signer, its receipt verifier): POSTs a value as JSON and reads
 * the JSON answer. Throws on a network error, an HTTP error status or an answer that is not JSON.
 */
export async function postJson(url: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}
