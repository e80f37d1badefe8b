// The guides' screenshots (docs/screenshots/*.png): each tool of the built site (`npm run build`
// first) in Chromium with the worked example of its guide. `node scripts/screenshots.mjs` rewrites
// them; commit the result.
import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchBrowser, serveDist } from '../test/e2e/support.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = `${ROOT}docs/screenshots`;
const TEST_KEY = '1234 5678 90AB CDEF 1234 5678 90AB CDEF';
const mac = (string) => createHmac('sha256', Buffer.from(TEST_KEY.replace(/ /g, ''), 'hex')).update(string).digest('hex').slice(0, 32).toUpperCase();
const PAY_DIRECT = ['NB_VERSION=0002', 'NB_RCV_ID=999999', 'NB_STAMP=00002', 'NB_DB_AMOUNT=899,00', 'NB_DB_CUR=SEK', 'NB_DB_REF=123450'];
const RECEIPT = { NB_RETURN_STAMP: '00002', NB_RETURN_DB_AMOUNT: '899,00', NB_RETURN_DB_CUR: 'SEK', NB_RETURN_DB_REF: '123450', NB_PAID: '20261130101500123456' };

/** Page, what to do there and wait for, and the part to show (else the top of the page). */
const SHOTS = {
  calculator: {
    path: 'tools/calculator/',
    // The handbook's example, signed as if the amount had been 899.00: the doctor finds the cause.
    async act(page) {
      await page.getByLabel('Paste fields').fill([...PAY_DIRECT, `NB_HMAC=${mac('999999&00002&899.00&SEK&123450')}`].join('\n'));
      await page.getByLabel('Key (32 hexadecimal characters, spaces allowed)').fill(TEST_KEY);
      await page.locator('ebet-mac-doctor [part=finding]').first().waitFor();
    },
    show: 'ebet-mac-doctor',
  },
  'test-page': {
    path: 'tools/test-page/',
    async act(page) {
      await page.locator('ebet-test-page h1').first().waitFor();
    },
  },
  decoder: {
    path: 'tools/decoder/',
    async act(page) {
      const fields = { ...RECEIPT, NB_HMAC: mac(Object.values(RECEIPT).join('&')) };
      await page.getByLabel(/published test key/).check();
      await page.getByRole('textbox', { name: 'What the bank sent back' }).fill(new URLSearchParams(fields).toString());
      await page.locator('ebet-decoder article[data-outcome=verified]').waitFor();
    },
    show: 'ebet-decoder article',
  },
  incident: {
    path: 'tools/incident/',
    async act(page) {
      await page.locator('ebet-incident-checklist h1').waitFor();
    },
  },
  checkout: {
    path: 'shop/index.html',
    async act(page) {
      await page.locator('ebet-checkout').first().waitFor();
      await page.waitForLoadState('networkidle');
    },
  },
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(OUT, { recursive: true });
  const server = await serveDist(`${ROOT}dist`);
  const browser = await launchBrowser();
  try {
    for (const [name, shot] of Object.entries(SHOTS)) {
      const page = await browser.newPage({ viewport: { width: 1000, height: 760 } });
      await page.goto(server.url + shot.path);
      await shot.act(page);
      if (shot.show) await page.locator(shot.show).first().screenshot({ path: `${OUT}/${name}.png` });
      else {
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: `${OUT}/${name}.png` });
      }
      await page.close();
      console.log(`docs/screenshots/${name}.png`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
