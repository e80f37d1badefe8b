import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS } from './scripts/chromium-args.mjs';
import { ensureChromium } from './scripts/ensure-chromium.mjs';
import { mainThreadTracePlugin } from './test/support/main-thread-trace.mjs';

/** Prints the plain closing line CI reads, and leaves the counts for scripts/test.mjs. */
function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (suite) => {
        for (const t of suite.tests) {
          if (t.skipped) skipped++;
          else if (t.passed) passed++;
          else failed++;
        }
        for (const s of suite.suites) walk(s);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        if (!session.passed && !session.testResults?.tests.length && !session.testResults?.suites.length) failed++;
      }
      writeFileSync('.wtr-summary.json', JSON.stringify({ passed, failed, skipped }));
      setTimeout(() => console.log(`browser: ${passed} passed, ${failed} failed, ${skipped} skipped`), 0);
    },
  };
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  // A hang guard per test file, not a speed limit.
  testsFinishTimeout: 600000,
  testFramework: { config: { timeout: 20000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }), mainThreadTracePlugin()],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS },
      // Each test file in its own browser context, so in its own window: a second tab of one window
      // is a background tab, which Chromium gives no animation frames (a test waiting on one hangs).
      createPage: async ({ browser }) => {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        page.once('close', () => void context.close().catch(() => {}));
        return page;
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
