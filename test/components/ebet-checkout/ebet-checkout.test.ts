import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { EbetCheckout } from '../../../components/ebet-checkout/define.ts';
import { webMac } from '../../support/webcrypto.ts';
import { nextEvent } from '../../support/events.ts';

// From source the checkout's core is the TypeScript module (in the built library lib/ebet-checkout-core.js beside the element).
EbetCheckout.coreUrl = new URL('../../../src/shop/checkout-core.ts', import.meta.url).href;

const TEST_KEY_HEX = '1234567890ABCDEF1234567890ABCDEF';
const TEST_KVV = 'FF365893D899291C3BF505FB3175E880';
const STAMP = '20261123101500ABC123';

/**
 * Records form submissions instead of navigating. The simulated bank's worker counts as installed
 * (the checkout would otherwise take a test-mode payment to the test page, see test/e2e/checkout.test.mjs).
 */
function catchSubmits(): { forms: HTMLFormElement[]; restore: () => void } {
  const original = HTMLFormElement.prototype.submit;
  const registration = Object.getOwnPropertyDescriptor(ServiceWorkerContainer.prototype, 'getRegistration')!;
  const forms: HTMLFormElement[] = [];
  HTMLFormElement.prototype.submit = function (this: HTMLFormElement) {
    forms.push(this);
  };
  // The toolkit's worker: active, its scope the toolkit's root (`<root>/tools/test-page/bank/pay` is the simulator's address).
  ServiceWorkerContainer.prototype.getRegistration = (url?: string | URL) =>
    Promise.resolve({ active: {}, scope: new URL('../../../', url).href } as ServiceWorkerRegistration);
  return {
    forms,
    restore: () => {
      HTMLFormElement.prototype.submit = original;
      Object.defineProperty(ServiceWorkerContainer.prototype, 'getRegistration', registration);
    },
  };
}

/** The element once its settings are checked: its `updateComplete` waits for a check that loads the rest of the core. */
async function checkout(template: ReturnType<typeof html>): Promise<EbetCheckout> {
  const el = await fixture<EbetCheckout>(template);
  await el.updateComplete;
  return el;
}

const problemFields = (el: EbetCheckout) => [...el.shadowRoot!.querySelectorAll('li[data-field]')].map((li) => li.getAttribute('data-field'));
const button = (el: EbetCheckout) => el.shadowRoot!.querySelector('button')!;

describe('<ebet-checkout>', () => {
  let submits: ReturnType<typeof catchSubmits>;
  beforeEach(() => (submits = catchSubmits()));
  afterEach(() => submits.restore());

  it('shows the amount in the bank’s form, in English and Swedish, and is accessible', async () => {
    const el = await checkout(html`<ebet-checkout lang="en" mode="test" rcv-id="999999" amount="550.00" reference="1042" return-url="r.html" cancel-url="c.html" reject-url="j.html"></ebet-checkout>`);
    expect(button(el).textContent!.trim()).to.equal('Pay 550,00 SEK');
    expect(el.shadowRoot!.querySelector('[part=test-badge]')!.textContent).to.contain('published test key');
    expect(problemFields(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();
    el.lang = 'sv';
    el.requestUpdate();
    await el.updateComplete;
    expect(button(el).textContent!.trim()).to.equal('Betala 550,00 SEK');
  });

  it('takes its button content from the slot', async () => {
    const el = await checkout(html`<ebet-checkout mode="test" amount="10"><span>Buy now</span></ebet-checkout>`);
    const slot = el.shadowRoot!.querySelector('slot')!;
    expect(slot.assignedNodes().map((n) => n.textContent)).to.deep.equal(['Buy now']);
  });

  it('in test mode signs, announces the fields, and posts one top-level form to the simulator', async () => {
    const el = await checkout(
      html`<ebet-checkout mode="test" rcv-id="999999" amount="550" reference="1042" stamp=${STAMP} return-url="return.html" cancel-url="cancel.html?order=1042" reject-url="reject.html"></ebet-checkout>`,
    );
    const event = nextEvent(el, 'ebet-checkout-submit');
    button(el).click();
    const { detail } = await event;
    const base = new URL('.', location.href).href;
    expect(detail.fields).to.deep.equal({
      NB_VERSION: '0002',
      NB_RCV_ID: '999999',
      NB_STAMP: STAMP,
      NB_DB_AMOUNT: '550,00',
      NB_DB_CUR: 'SEK',
      NB_DB_REF: '1042',
      NB_RETURN: `${base}return.html`,
      NB_CANCEL: `${base}cancel.html?order=1042&ebet-outcome=cancel&ebet-stamp=${STAMP}`,
      NB_REJECT: `${base}reject.html?ebet-outcome=reject&ebet-stamp=${STAMP}`,
      NB_HMAC: await webMac(TEST_KEY_HEX, `999999&${STAMP}&550,00&SEK&1042`),
      NB_KVV: TEST_KVV,
    });
    expect(detail.action).to.equal(EbetCheckout.simulatorUrl);
    expect(EbetCheckout.simulatorUrl).to.match(/\/tools\/test-page\/bank\/pay$/);
    await el.updateComplete;
    expect(submits.forms).to.have.length(1);
    const form = submits.forms[0]!;
    expect([form.method, form.action, form.target]).to.deep.equal(['post', EbetCheckout.simulatorUrl, '_self']);
    expect(Object.fromEntries(new FormData(form))).to.deep.equal(detail.fields);
    expect(el.getAttribute('data-state')).to.equal('submitted');
    expect(el.shadowRoot!.querySelector('[part=status]')!.textContent).to.contain('Taking you to the bank');
    expect(JSON.parse(sessionStorage.getItem(`ebet-order:${STAMP}`)!)).to.deep.equal({ NB_STAMP: STAMP, NB_DB_AMOUNT: '550,00', NB_DB_CUR: 'SEK', NB_DB_REF: '1042' });
  });

  it('guards against double submission: many clicks, one payment', async () => {
    const el = await checkout(html`<ebet-checkout mode="test" rcv-id="999999" amount="5" reference="7" return-url="r.html" cancel-url="c.html" reject-url="j.html" action="https://bank.example/pay"></ebet-checkout>`);
    let announced = 0;
    el.addEventListener('ebet-checkout-submit', () => announced++);
    const submitted = nextEvent(el, 'ebet-checkout-submit');
    for (let i = 0; i < 5; i++) button(el).click();
    await submitted;
    await el.updateComplete;
    expect(el.getAttribute('data-state')).to.equal('submitted');
    button(el).click();
    await el.updateComplete;
    expect(announced).to.equal(1);
    expect(submits.forms).to.have.length(1);
    expect(submits.forms[0]!.action).to.equal('https://bank.example/pay');
    expect(button(el).getAttribute('aria-disabled')).to.equal('true');
  });

  it('generates a unique stamp of at most 20 characters when none is given, and keeps it', async () => {
    const a = await checkout(html`<ebet-checkout mode="test" amount="5"></ebet-checkout>`);
    const b = await checkout(html`<ebet-checkout mode="test" amount="5"></ebet-checkout>`);
    expect(a.paymentStamp).to.have.length.within(1, 20);
    expect(a.paymentStamp).to.equal(a.paymentStamp);
    expect(a.paymentStamp).not.to.equal(b.paymentStamp);
  });

  it('does not post when the shop cancels the submit event', async () => {
    const el = await checkout(html`<ebet-checkout mode="test" rcv-id="999999" amount="5" reference="7" return-url="r.html" cancel-url="c.html" reject-url="j.html"></ebet-checkout>`);
    el.addEventListener('ebet-checkout-submit', (e) => e.preventDefault());
    button(el).click();
    await nextEvent(el, 'ebet-checkout-submit');
    await el.updateComplete;
    expect(submits.forms).to.have.length(0);
    expect(el.getAttribute('data-state')).to.equal('idle');
  });

  it('shows each wrong field at once, fires it as an error on activation, and posts nothing', async () => {
    const el = await checkout(html`<ebet-checkout mode="test" rcv-id="999999" amount="lots" currency="NOK" reference="0042" return-url="r.html" cancel-url="c.html" reject-url="j.html"></ebet-checkout>`);
    expect(problemFields(el).sort()).to.deep.equal(['NB_DB_AMOUNT', 'NB_DB_CUR', 'NB_DB_REF']);
    const amount = el.shadowRoot!.querySelector('li[data-field=NB_DB_AMOUNT]')!.textContent!;
    expect(amount).to.contain('amount (NB_DB_AMOUNT)');
    expect(amount).to.contain('not an amount');
    const event = nextEvent(el, 'ebet-checkout-error');
    button(el).click();
    const { detail } = await event;
    expect(detail.problems.map((p) => p.field).sort()).to.deep.equal(['NB_DB_AMOUNT', 'NB_DB_CUR', 'NB_DB_REF']);
    expect(detail.problems[0]!.message.sv).to.be.a('string').and.not.equal(detail.problems[0]!.message.en);
    expect(submits.forms).to.have.length(0);
    expect(el.getAttribute('data-state')).to.equal('error');
    const line = el.shadowRoot!.querySelector('[data-verdict-line]')!;
    expect(line.getAttribute('data-verdict')).to.equal('error');
    expect(line.getAttribute('data-codes')!.split(' ').sort()).to.deep.equal([...new Set(detail.problems.map((p) => p.code))].sort());
    await expect(el).to.be.accessible();
  });

  it('refuses a key that is not the published test key, without showing it, and posts nothing', async () => {
    const secret = '0011 2233 4455 6677 8899 AABB CCDD EEFF';
    const el = await checkout(html`<ebet-checkout key=${secret} rcv-id="999999" amount="5" reference="7" return-url="r.html" cancel-url="c.html" reject-url="j.html" action="https://bank.example/pay"></ebet-checkout>`);
    expect(problemFields(el)).to.deep.equal(['key']);
    expect(el.shadowRoot!.textContent).to.contain('not the published test key');
    expect(el.shadowRoot!.textContent).not.to.contain('0011');
    const event = nextEvent(el, 'ebet-checkout-error');
    button(el).click();
    expect((await event).detail.problems[0]!.code).to.equal('production-key');
    el.key = 'FEDCBA9876543210FEDCBA9876543210';
    await el.updateComplete;
    const again = nextEvent(el, 'ebet-checkout-error');
    button(el).click();
    await again;
    expect(submits.forms).to.have.length(0);
  });

  it('without test mode it needs a signer and an action', async () => {
    const el = await checkout(html`<ebet-checkout rcv-id="999999" amount="5" reference="7" return-url="r.html" cancel-url="c.html" reject-url="j.html"></ebet-checkout>`);
    expect(problemFields(el)).to.deep.equal(['sign-url', 'action']);
  });

  it('signs through the shop’s signer function and checks its answer', async () => {
    const el = await checkout(html`<ebet-checkout rcv-id="999999" amount="5" reference="7" stamp="S1" return-url="r.html" cancel-url="c.html" reject-url="j.html" action="https://bank.example/pay" kvv=${'B'.repeat(32)}></ebet-checkout>`);
    const seen: Array<Readonly<Record<string, string>>> = [];
    el.signer = async (fields) => {
      seen.push(fields);
      return { NB_HMAC: 'A'.repeat(32), NB_KVV: 'C'.repeat(32) };
    };
    await el.updateComplete;
    const error = nextEvent(el, 'ebet-checkout-error');
    button(el).click();
    const problem = (await error).detail.problems[0]!;
    expect([problem.code, problem.field]).to.deep.equal(['signer-kvv', 'NB_KVV']);
    expect(seen[0]).to.include({ NB_STAMP: 'S1', NB_DB_AMOUNT: '5,00' });
    expect(Object.isFrozen(seen[0])).to.equal(true);
    el.signer = async () => {
      throw new Error('offline');
    };
    const failed = nextEvent(el, 'ebet-checkout-error');
    button(el).click();
    const failure = (await failed).detail.problems[0]!;
    expect([failure.field, failure.message.en]).to.deep.equal(['signer', 'The signer failed: offline. Nothing was sent.']);
    el.signer = async () => ({ NB_HMAC: 'A'.repeat(32), NB_KVV: 'B'.repeat(32) });
    const submit = nextEvent(el, 'ebet-checkout-submit');
    button(el).click();
    expect((await submit).detail.fields).to.include({ NB_HMAC: 'A'.repeat(32), NB_KVV: 'B'.repeat(32) });
  });

  it('a right production checkout never loads the rest of the core; a wrong answer is explained by it', async () => {
    const coreUrl = EbetCheckout.coreUrl;
    // The rest of the core cannot be loaded from here: a checkout that needed it could not post.
    EbetCheckout.coreUrl = new URL('./no-such-core.js', location.href).href;
    try {
      const el = await fixture<EbetCheckout>(
        html`<ebet-checkout rcv-id="999999" amount="5" reference="7" stamp="S9" return-url="r.html" cancel-url="c.html" reject-url="j.html" action="https://bank.example/pay" kvv=${'B'.repeat(32)}></ebet-checkout>`,
      );
      el.signer = async () => ({ NB_HMAC: 'A'.repeat(32), NB_KVV: 'B'.repeat(32) });
      await el.updateComplete;
      expect(problemFields(el)).to.deep.equal([]);
      const submit = nextEvent(el, 'ebet-checkout-submit');
      button(el).click();
      expect((await submit).detail.fields).to.include({ NB_STAMP: 'S9', NB_HMAC: 'A'.repeat(32) });
      expect(submits.forms).to.have.length(1);

      const wrong = await fixture<EbetCheckout>(html`<ebet-checkout rcv-id="999999" amount="5" reference="7" stamp="S10" return-url="r.html" cancel-url="c.html" reject-url="j.html" action="https://bank.example/pay"></ebet-checkout>`);
      wrong.signer = async () => ({ NB_HMAC: 'A'.repeat(31), NB_KVV: 'B'.repeat(32) });
      const failed = nextEvent(wrong, 'ebet-checkout-error');
      button(wrong).click();
      expect((await failed).detail.problems.map((p) => p.code)).to.deep.equal(['core']);
      EbetCheckout.coreUrl = coreUrl;
      const explained = nextEvent(wrong, 'ebet-checkout-error');
      button(wrong).click();
      const problem = (await explained).detail.problems[0]!;
      expect([problem.code, problem.field]).to.deep.equal(['signer-answer', 'NB_HMAC']);
      expect(problem.message.en).to.contain('32');
    } finally {
      EbetCheckout.coreUrl = coreUrl;
    }
  });

  it('signs through sign-url: POSTs the fields as JSON and uses NB_HMAC and NB_KVV from the answer', async () => {
    const original = window.fetch;
    const requests: Array<{ url: string; init: RequestInit | undefined }> = [];
    let answer: Response = new Response(JSON.stringify({ NB_HMAC: 'D'.repeat(32), NB_KVV: 'E'.repeat(32) }), { headers: { 'Content-Type': 'application/json' } });
    window.fetch = async (url: RequestInfo | URL, init?: RequestInit) => {
      requests.push({ url: String(url), init });
      return answer;
    };
    try {
      const el = await checkout(html`<ebet-checkout sign-url="/api/sign" rcv-id="999999" amount="5" reference="7" stamp="S2" return-url="r.html" cancel-url="c.html" reject-url="j.html" action="https://bank.example/pay"></ebet-checkout>`);
      const submit = nextEvent(el, 'ebet-checkout-submit');
      button(el).click();
      expect((await submit).detail.fields).to.include({ NB_HMAC: 'D'.repeat(32), NB_KVV: 'E'.repeat(32) });
      expect(requests[0]!.url).to.equal(new URL('/api/sign', location.href).href);
      expect(requests[0]!.init!.method).to.equal('POST');
      expect(JSON.parse(String(requests[0]!.init!.body))).to.include({ NB_STAMP: 'S2', NB_RCV_ID: '999999' });

      answer = new Response('Internal error', { status: 500 });
      const other = await checkout(html`<ebet-checkout sign-url="/api/sign" rcv-id="999999" amount="5" reference="7" return-url="r.html" cancel-url="c.html" reject-url="j.html" action="https://bank.example/pay"></ebet-checkout>`);
      const error = nextEvent(other, 'ebet-checkout-error');
      button(other).click();
      const problem = (await error).detail.problems[0]!;
      expect(problem.field).to.equal('sign-url');
      expect(problem.message.en).to.contain('HTTP 500');
      expect(submits.forms).to.have.length(1);
    } finally {
      window.fetch = original;
    }
  });

  it('is form-associated: its stamp is part of a surrounding form, and wrong settings make that form invalid', async () => {
    // fixtureSync: fixture() would wait for an animation frame, which a background test page never gets.
    const form = fixtureSync<HTMLFormElement>(
      html`<form><ebet-checkout name="payment" mode="test" rcv-id="999999" amount="5" reference="7" stamp="S3" return-url="r.html" cancel-url="c.html" reject-url="j.html"></ebet-checkout></form>`,
    );
    const el = form.querySelector('ebet-checkout')!;
    await el.updateComplete;
    expect(new FormData(form).get('payment')).to.equal('S3');
    expect(form.checkValidity()).to.equal(true);
    // A doubtful amount: the rest of the core is loaded to say what is wrong, and then the form is invalid.
    el.amount = 'abc';
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(false);
    expect(el.shadowRoot!.querySelector('[data-field=NB_DB_AMOUNT]')!.textContent).to.contain('not an amount');
    const fieldset = document.createElement('fieldset');
    form.append(fieldset);
    fieldset.append(el);
    fieldset.disabled = true;
    await el.updateComplete;
    expect(button(el).disabled).to.equal(true);
  });
});
