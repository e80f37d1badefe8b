/**
 * Every element of the toolkit, defined on import (`import 'ebet-toolkit/elements'`): its class,
 * its events' detail types and the types of its properties, a curated list as docs/package.md
 * names it. A shop needing only the pay button imports `ebet-toolkit/checkout`, a return page
 * `ebet-toolkit/receipt`.
 */
export { EbetAttemptLog, type AttemptsChangeDetail } from './ebet-attempt-log/define.ts';
export { EbetBankLedger, type LedgerChangeDetail } from './ebet-bank-ledger/define.ts';
export { EbetBankSimulator, type AnswerDetail, type AutoOutcome, type CheckDigitChangeDetail, type PastedRequest, type RequestChangeDetail, type SimulatorState } from './ebet-bank-simulator/define.ts';
export { EbetCalculator, type MacChangeDetail } from './ebet-calculator/define.ts';
export { EbetCheckout, type CheckoutErrorDetail, type CheckoutProblem, type CheckoutSubmitDetail, type Signer } from './ebet-checkout/define.ts';
export { EbetCopyButton, type CopyDetail } from './ebet-copy-button/define.ts';
export { EbetDecoder, type DecodeDetail } from './ebet-decoder/define.ts';
export { EbetFieldTable } from './ebet-field-table/define.ts';
export { EbetFieldsInput, type FieldsChangeDetail } from './ebet-fields-input/define.ts';
export { EbetFormBuilder, type FormCheckDetail } from './ebet-form-builder/define.ts';
export { EbetHome } from './ebet-home/define.ts';
export { EbetIncidentChecklist, type IncidentChangeDetail, type IncidentConfigChangeDetail } from './ebet-incident-checklist/define.ts';
export { EbetKeyInput, type KeyChangeDetail } from './ebet-key-input/define.ts';
export { EbetLangSwitch } from './ebet-lang-switch/define.ts';
export { EbetMacDoctor, type DiagnosisDetail } from './ebet-mac-doctor/define.ts';
export { EbetReceipt, type ReceiptDetail, type ReceiptState } from './ebet-receipt/define.ts';
export { EbetSession } from './ebet-session/define.ts';
export { EbetShell } from './ebet-shell/define.ts';
export { EbetTestPage } from './ebet-test-page/define.ts';
