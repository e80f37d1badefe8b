/**
 * ebet-toolkit's protocol core, the package's main entry (`import … from 'ebet-toolkit'`):
 * E-betalning's messages as data, MAC strings, HMAC-SHA256-128 and KVV, parsing of pasted input,
 * validation, verification, the MAC doctor, the bank simulation and key rings. Pure TypeScript
 * with no DOM: it runs in browsers, Node and edge runtimes alike.
 *
 * A curated list: what users call, with the types of its arguments and results. Everything else
 * stays internal to the modules (the toolkit's own code imports them directly). The incident
 * checklist is `ebet-toolkit/incident`, the whole bank simulation `ebet-toolkit/simulator`.
 * test/node/package.test.mjs holds this list to at most 61 names.
 *
 * The HTML reader (parse5) is registered at import here, so `parseFields` and `extractMessages`
 * read any HTML at once. The standalone core (`lib/ebet-core.js`, this module bundled by
 * scripts/standalone-bundles.mjs) leaves that import out: it loads parse5 as a chunk of its own on
 * `await loadHtmlReader()`, which resolves at once here.
 */
// Messages, fields and errors.
export { EbetError, type Lang, type Text } from './protocol/text.ts';
export { MESSAGE_KINDS, type MessageKind } from './protocol/field-table.ts';
export { MESSAGES, type FieldSpec, type MessageSpec } from './protocol/fields.ts';
export { ENCODINGS, type Encoding } from './protocol/encoding.ts';
// MAC and KVV.
export { TEST_KEY, TEST_KVV, computeKvv, normalizeKey } from './protocol/key.ts';
export { computeMac, computeMacDetails, macString, signMessage, type FieldInput, type MacComputation, type MacOptions } from './protocol/message.ts';
export { normalizeKeys, keyForDate, type KeyRingEntry, type Keys } from './protocol/key-ring.ts';
// Parse, detect, validate, build (html-reader.ts lets parseFields read any HTML, with parse5; the
// standalone core leaves it out and loads it on loadHtmlReader()).
import './reading/html-reader.ts';
export { loadHtmlReader, parseFields, type ParseResult } from './reading/parse.ts';
export { detectKind } from './reading/detect.ts';
export { validateFields, verdict, type ValidateOptions, type ValidationRow } from './judging/validate.ts';
export { formatAmount, parseAmount } from './protocol/amount.ts';
export { generateReference, hasValidCheckDigit } from './protocol/reference.ts';
export { generateStamp } from './protocol/stamp.ts';
export { toHtmlForm, toUrlEncoded } from './protocol/output.ts';
// Extract every message out of a HAR file, a shop's log or a page.
export { extractMessages, type ExtractResult } from './verdict/extract.ts';
// One policy for every verdict (see README: the tolerance policy).
export { POLICY, type PolicyFinding } from './judging/policy.ts';
// Verify, decode, diagnose.
export { verifyMessage, type Verification, type VerifyOptions } from './judging/verify.ts';
export { decodeMessages, splitMessages, type DecodedList, type DecodeOptions } from './verdict/decode.ts';
export { diagnoseMac, type Diagnosis, type DoctorOptions } from './doctor/index.ts';
// The verdict every tool shows first: level, codes, cause and fix.
export { judgeMessage } from './verdict/verdict.ts';
// Simulate the bank (the rest of the simulation: `ebet-toolkit/simulator`).
export { EMPTY_LEDGER, payDirectAnswer, paymentCheckAnswer, repaymentAnswer, type Ledger, type SimulatedAnswer } from './bank/simulator.ts';
