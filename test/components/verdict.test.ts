// Every tool tells the core's verdict (issue 21): one corpus — every policy code in both directions,
// every cause the doctor names, field errors under a MAC that matches — pasted as a person would
// into the calculator, the test page, the decoder and the session view, in English and Swedish.
// Each tool's hooks (data-verdict-line, data-verdict, data-codes; data-message on cards and rows)
// must equal what judgeMessage says, and its top line must say the core's words.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../components/ebet-calculator/define.ts';
import '../../components/ebet-decoder/define.ts';
import '../../components/ebet-session/define.ts';
import '../../components/ebet-test-page/define.ts';
import '../../components/ebet-bank-simulator/define.ts';
import type { EbetCalculator } from '../../components/ebet-calculator/ebet-calculator.ts';
import type { EbetDecoder } from '../../components/ebet-decoder/ebet-decoder.ts';
import type { EbetSession } from '../../components/ebet-session/ebet-session.ts';
import type { EbetTestPage } from '../../components/ebet-test-page/ebet-test-page.ts';
import type { EbetBankSimulator } from '../../components/ebet-bank-simulator/ebet-bank-simulator.ts';
import type { EbetKeyInput } from '../../components/ebet-key-input/ebet-key-input.ts';
import type { EbetFieldsInput } from '../../components/ebet-fields-input/ebet-fields-input.ts';
import { useDatabase } from '../../components/ebet-bank-simulator/ledger-db.ts';
import { setPageLang } from '../../components/shared/locale.ts';
import { judgeMessage, overallVerdict, type Verdict } from '../../src/verdict/verdict.ts';
import type { Lang } from '../../src/protocol/text.ts';
import { corpus, RING, type CorpusCase } from '../support/verdict-corpus.ts';

const LANGS: readonly Lang[] = ['en', 'sv'];
const CASES = corpus();

/** The core's verdict on a case: the message judged with its keys and its order. */
const core = (c: CorpusCase): Verdict => judgeMessage(c.fields, { keys: c.keys, order: c.order ?? null });
const hooks = (el: Element | null | undefined) => (el ? { verdict: el.getAttribute('data-verdict'), codes: el.getAttribute('data-codes') } : null);
const same = (el: Element | null | undefined, v: { level: string; codes: readonly string[] }) => {
  const h = hooks(el);
  return h !== null && h.verdict === v.level && h.codes === v.codes.join(' ');
};
const words = (el: Element) => el.textContent!.replace(/\s+/g, ' ');
const flat = (s: string) => s.replace(/\s+/g, ' ');

/** Waits until the tool's element carries the core's hooks, and names the case when it does not. */
async function hooksOf(find: () => Element | null | undefined, v: { level: string; codes: readonly string[] }, what: string): Promise<Element> {
  await waitUntil(() => same(find(), v), `${what}: expected data-verdict="${v.level}" data-codes="${v.codes.join(' ')}", got ${JSON.stringify(hooks(find()))}`);
  return find()!;
}

async function setKeys(input: EbetKeyInput, keys: CorpusCase['keys']): Promise<void> {
  input.setKeys(keys);
  await input.updateComplete;
}

for (const lang of LANGS) {
  describe(`every tool tells the core's verdict (${lang})`, () => {
    before(() => setPageLang(lang));
    after(() => setPageLang('en'));

    it('the decoder: its top line and the message card', async () => {
      const el = await fixture<EbetDecoder>(html`<ebet-decoder></ebet-decoder>`);
      const root = el.shadowRoot!;
      const keyInput = root.querySelector<EbetKeyInput>('ebet-key-input')!;
      const box = root.querySelector<EbetFieldsInput>('ebet-fields-input:not(.order)')!;
      for (const c of CASES) {
        await setKeys(keyInput, c.keys);
        box.value = c.text;
        await box.updateComplete;
        await el.updateComplete;
        const v = core(c);
        const order = c.order ? judgeMessage(c.order, { keys: c.keys }) : null;
        const overall = overallVerdict(order ? [order, v] : [v]);
        const line = await hooksOf(() => root.querySelector('[data-verdict-line]'), overall, `decoder, ${c.name}`);
        expect(flat(words(line)), c.name).to.contain(flat(v.line[lang]));
        const n = order ? 2 : 1;
        const card = await hooksOf(() => root.querySelector(`article[data-message="${n}"]`), v, `decoder card, ${c.name}`);
        expect(flat(words(card)), c.name).to.contain(flat(v.line[lang]));
      }
    });

    it('the session view: each message row', async () => {
      // The virtualizer measures rows as they appear; Chromium then reports "ResizeObserver loop completed
      // with undelivered notifications", a notice that the next frame delivers them, not a failure.
      const onerror = window.onerror;
      window.onerror = (message, ...rest) => (/ResizeObserver loop/.test(String(message)) ? true : (onerror?.(message, ...rest) ?? false));
      const el = await fixture<EbetSession>(html`<ebet-session></ebet-session>`);
      for (const c of CASES) {
        el.keys = c.keys;
        await el.updateComplete;
        el.open(c.text);
        await el.updateComplete;
        // The list renders only what is in the window.
        el.shadowRoot!.querySelector('lit-virtualizer')!.scrollIntoView();
        const v = core(c);
        const n = c.order ? 2 : 1;
        const row = await hooksOf(() => el.shadowRoot!.querySelector(`.row[data-message="${n}"]`), v, `session row, ${c.name}`);
        // The doctor's word arrives from the worker: the row's line is the core's once it has.
        const line = () => flat(words(row.querySelector('[data-verdict-text]')!));
        await waitUntil(() => line() === flat(v.line[lang]), `session row, ${c.name}: "${line()}" is not the core's line "${v.line[lang]}"`);
      }
      window.onerror = onerror;
    });

    it('the calculator: its top line (every message that carries a MAC; one without is signed by the calculator)', async () => {
      const el = await fixture<EbetCalculator>(html`<ebet-calculator></ebet-calculator>`);
      const root = el.shadowRoot!;
      const keyInput = root.querySelector<EbetKeyInput>('ebet-key-input')!;
      const box = root.querySelector<EbetFieldsInput>('ebet-fields-input')!;
      for (const c of CASES.filter((x) => !x.order && x.fields.NB_HMAC !== undefined)) {
        const ring = typeof c.keys !== 'string';
        const toggle = root.querySelector<HTMLInputElement>('label.inline input')!;
        if (toggle.checked !== ring) {
          toggle.click();
          await waitUntil(() => keyInput.ring === ring, 'the key input did not switch');
        }
        await setKeys(keyInput, c.keys);
        await el.updateComplete;
        box.value = c.text;
        await box.updateComplete;
        await el.updateComplete;
        const v = core(c);
        const line = await hooksOf(() => root.querySelector('[data-verdict-line]'), v, `calculator, ${c.name}`);
        expect(flat(words(line)), c.name).to.contain(flat(v.line[lang]));
      }
      expect(CASES.some((x) => x.keys === RING)).to.equal(true);
    });

    it('the test page: the request line of every request', async () => {
      useDatabase(`test-verdict-${lang}`);
      // No request kept from an earlier page (going back shows it again, and it would arrive after ours).
      history.replaceState(null, '', location.pathname + location.search);
      const el = await fixture<EbetTestPage>(html`<ebet-test-page></ebet-test-page>`);
      const simulator = el.shadowRoot!.querySelector<EbetBankSimulator>('ebet-bank-simulator')!;
      await customElements.whenDefined('ebet-bank-simulator');
      const requests = CASES.map((c, i) => ({ c, i })).filter(({ c }) => c.direction === 'shopToBank' && c.keys !== RING);
      for (const { i } of requests) {
        // Each request with a stamp of its own: the test page warns of a stamp it has seen before.
        const c = corpus(`${lang}${i}`)[i]!;
        await simulator.check(c.text);
        // The test page checks with its own key (the published test key, as it gives it).
        const v = judgeMessage(c.fields, { keys: simulator.key });
        const line = await hooksOf(() => simulator.shadowRoot!.querySelector('[data-verdict-line]'), v, `test page, ${c.name}`);
        expect(flat(words(line)), c.name).to.contain(flat(v.line[lang]));
      }
    });
  });
}
