// Runs inside headless Chromium (bundled by scripts/bench.mjs): the same doctor-vs-floor bench as in
// Node (core.bench.ts). It starts after the script tag is in (so adding it returns at once); the
// rows go to window.__bench.
import { doctorBench, type BenchRow } from './core.bench.ts';

const page = window as unknown as { __benchOptions: { rounds: number; sliceMs: number }; __bench?: BenchRow[] };
setTimeout(() => (page.__bench = doctorBench(page.__benchOptions)), 0);
