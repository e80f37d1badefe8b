/**
 * A JSON file of test/vectors/: read from disk in Node (`npm run test:core`), fetched from the test
 * server in Chromium.
 */
export async function readVectors<T>(file: string): Promise<T> {
  const url = new URL(`../vectors/${file}`, import.meta.url);
  if (url.protocol === 'file:') return JSON.parse(process.getBuiltinModule('node:fs').readFileSync(url, 'utf8')) as T;
  return (await fetch(url)).json() as Promise<T>;
}
