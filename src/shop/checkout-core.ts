/**
 * The part of `<ebet-checkout>`'s logic that `checkout.ts` leaves out to stay small, loaded by the
 * element only when it is needed (`lib/ebet-checkout-core.js`): what exactly is wrong with a
 * payment (the core's full validation), the rule that only the handbook's published test key may
 * ever be given to a web page, signing in test mode, and checking a signer's answer in full.
 */
import { SETTING_RULES, signatureFields, type CheckoutProblem, type CheckoutSettings } from './checkout.ts';
import { compactHex, normalizeKey, TEST_KEY, TEST_KVV } from '../protocol/key.ts';
import { computeMac, signMessage } from '../protocol/message.ts';
import { EbetError, text, type Text } from '../protocol/text.ts';
import { validateFields, type ValidationRow } from '../judging/validate.ts';

/** The checkout's element writes the core's problems (which may quote a shop's value) with this: a direction control as `<U+202E>`, never reordering the sentence. */
export { plainVisible } from '../protocol/visible.ts';

const SIGNATURE_FIELDS = signatureFields();

const SETTING_TEXTS: Readonly<Record<string, Text>> = {
  frame: text(
    'The bank does not allow payments inside a frame. Open this page in its own window. Nothing was sent.',
    'Banken tillåter inte betalningar i en ram (iframe). Öppna sidan i ett eget fönster. Inget skickades.',
  ),
  'no-signer': text(
    'Nothing signs this payment: set mode="test" for the test page, or sign-url (your server) or the signer property for real payments. Nothing was sent.',
    'Det finns inget som signerar betalningen: sätt mode="test" för testsidan, eller sign-url (din server) eller egenskapen signer för riktiga betalningar. Inget skickades.',
  ),
  'no-action': text(
    'action is missing: set it to the bank’s payment address. Nothing was sent.',
    'action saknas: ange bankens betalningsadress. Inget skickades.',
  ),
};

/** The settings a checkout lacks (`SETTING_RULES`), each with what to set. */
export function settingProblems(settings: CheckoutSettings): CheckoutProblem[] {
  return SETTING_RULES.filter((rule) => !rule.holds(settings)).map(({ field, code }) => ({ field, code, message: SETTING_TEXTS[code]! }));
}

/** The shop's signer failed: its function threw (`url` absent) or its endpoint `url` did not answer with JSON. */
export function signerFailure(why: string, url?: string): CheckoutProblem {
  return url === undefined
    ? { field: 'signer', code: 'signer', message: text(`The signer failed: ${why}. Nothing was sent.`, `Signeringen misslyckades: ${why}. Inget skickades.`) }
    : {
        field: 'sign-url',
        code: 'sign-url',
        message: text(`The signing endpoint ${url} failed (${why}). Nothing was sent.`, `Anropet till signeringstjänsten ${url} misslyckades (${why}). Inget skickades.`),
      };
}

/** The receipt worker at `url` could not be installed. */
export function workerFailure(url: string, why: string): Text {
  return text(
    `The receipt worker ${url} could not be installed (${why}): the return page will not receive the bank’s receipt.`,
    `Service workern för kvitton (${url}) kunde inte installeras (${why}): retursidan får inte bankens kvitto.`,
  );
}

/**
 * The errors that stop a payment: the core's validation of every field, errors only. Before
 * signing (neither NB_HMAC nor NB_KVV yet) the missing signature is not an error; half a signature is.
 */
export function checkoutProblems(fields: Readonly<Record<string, string>>, key?: string): ValidationRow[] {
  const signed = SIGNATURE_FIELDS.some((name) => fields[name] !== undefined);
  return validateFields('payDirect', fields, key === undefined ? {} : { key }).filter(
    (row) => row.level === 'error' && (signed || !SIGNATURE_FIELDS.includes(row.name)),
  );
}

/**
 * Refuses any key but the handbook's published test key: a shop's real secret key must never be
 * written into a web page, where every visitor can read it. Throws an `EbetError` that names
 * neither the key nor any part of it.
 */
export function refuseNonTestKey(key: string): void {
  let isTestKey: boolean;
  try {
    isTestKey = normalizeKey(key) === normalizeKey(TEST_KEY);
  } catch {
    isTestKey = false;
  }
  if (!isTestKey) {
    throw new EbetError(
      'production-key',
      text(
        'Refused: a key was written into the page, and it is not the published test key. A real secret key must never be in a web page, where every visitor can read it. Remove it, and sign on your server through sign-url or the signer property. Nothing was sent.',
        'Stoppad: det finns en nyckel i sidan, och det är inte den publicerade testnyckeln. En riktig hemlig nyckel får aldrig finnas i en webbsida, där alla besökare kan läsa den. Ta bort den och signera på din server via sign-url eller egenskapen signer. Inget skickades.',
      ),
      'key',
    );
  }
}

/** The fields signed with the published test key (test mode only: the bank's test page accepts it). */
export function signWithTestKey(fields: Readonly<Record<string, string>>): Record<string, string> {
  return signMessage('payDirect', fields, TEST_KEY);
}

/**
 * Checks a signer's answer before anything is sent: it must be an object with NB_HMAC and NB_KVV,
 * each 32 hexadecimal characters; the KVV must be the expected one when the shop states it (or the
 * test key's in test mode, where the MAC itself is checked too); and in production it must not be
 * the test key's. Returns the fields with the signature added; throws an `EbetError` otherwise.
 */
export function applySignature(
  fields: Readonly<Record<string, string>>,
  answer: unknown,
  options: { readonly test: boolean; readonly expectedKvv?: string | undefined },
): Record<string, string> {
  const record = answer && typeof answer === 'object' ? (answer as Record<string, unknown>) : {};
  const missing = SIGNATURE_FIELDS.filter((name) => typeof record[name] !== 'string');
  if (missing.length > 0) {
    throw new EbetError(
      'signer-answer',
      text(
        `The signer's answer has no ${missing.join(' or ')}; it must be JSON like {"NB_HMAC": "…32 hex…", "NB_KVV": "…32 hex…"}. Nothing was sent.`,
        `Svaret från signeraren saknar ${missing.join(' eller ')}; det ska vara JSON i stil med {"NB_HMAC": "…32 hex…", "NB_KVV": "…32 hex…"}. Inget skickades.`,
      ),
      missing[0],
    );
  }
  const signed = { ...fields, NB_HMAC: record.NB_HMAC as string, NB_KVV: record.NB_KVV as string };
  const wrong = checkoutProblems(signed).find((row) => SIGNATURE_FIELDS.includes(row.name));
  if (wrong) {
    throw new EbetError(
      'signer-answer',
      text(`The signer's answer is wrong: ${wrong.message.en}. Nothing was sent.`, `Svaret från signeraren är fel: ${wrong.message.sv}. Inget skickades.`),
      wrong.name,
    );
  }
  const kvv = signed.NB_KVV.toUpperCase();
  const expected = options.test ? TEST_KVV : options.expectedKvv === undefined ? undefined : compactHex(options.expectedKvv);
  if (!options.test && kvv === TEST_KVV) {
    throw new EbetError(
      'signer-test-key',
      text(
        'The signer signed with the published test key (NB_KVV FF36…E880), which the bank refuses outside its test page. Sign with your own key, or set mode="test". Nothing was sent.',
        'Signeraren använde den publicerade testnyckeln (NB_KVV FF36…E880), som banken bara godtar på sin testsida. Signera med din egen nyckel, eller sätt mode="test". Inget skickades.',
      ),
      'NB_KVV',
    );
  }
  if (expected && kvv !== expected) {
    throw new EbetError(
      'signer-kvv',
      text(
        `The signer used another key: its NB_KVV is ${kvv}, the expected KVV is ${expected}. Check which key your server uses (keys change on a date). Nothing was sent.`,
        `Signeraren använde en annan nyckel: dess NB_KVV är ${kvv}, men KVV:n ska vara ${expected}. Kontrollera vilken nyckel servern använder (nycklarna byts vid ett datumskifte). Inget skickades.`,
      ),
      'NB_KVV',
    );
  }
  if (options.test) {
    const mac = computeMac('payDirect', signed, TEST_KEY);
    if (mac !== signed.NB_HMAC.toUpperCase()) {
      throw new EbetError(
        'signer-mac',
        text(
          `The signer's NB_HMAC is not the MAC of these fields under the test key (${mac}): it signed other values or another string. Nothing was sent.`,
          `Signerarens NB_HMAC är inte fältens MAC med testnyckeln (${mac}): signeraren signerade andra värden eller en annan sträng. Inget skickades.`,
        ),
        'NB_HMAC',
      );
    }
  }
  return signed;
}

