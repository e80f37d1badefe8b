/**
 * Every element of the toolkit, defined on import (`import 'ebet-toolkit/elements'`), with its
 * class and its events' detail types. A shop needing only the pay button imports
 * `ebet-toolkit/checkout`, a return page `ebet-toolkit/receipt`.
 */
export * from './ebet-attempt-log/ebet-attempt-log.ts';
export * from './ebet-bank-ledger/ebet-bank-ledger.ts';
export * from './ebet-bank-simulator/ebet-bank-simulator.ts';
export * from './ebet-calculator/ebet-calculator.ts';
export * from './ebet-checkout/ebet-checkout.ts';
export * from './ebet-copy-button/ebet-copy-button.ts';
export * from './ebet-decoder/ebet-decoder.ts';
export * from './ebet-field-table/ebet-field-table.ts';
export * from './ebet-fields-input/ebet-fields-input.ts';
export * from './ebet-form-builder/ebet-form-builder.ts';
export * from './ebet-home/ebet-home.ts';
export * from './ebet-incident-checklist/ebet-incident-checklist.ts';
export * from './ebet-key-input/ebet-key-input.ts';
export * from './ebet-lang-switch/ebet-lang-switch.ts';
export * from './ebet-mac-doctor/ebet-mac-doctor.ts';
export * from './ebet-receipt/ebet-receipt.ts';
export * from './ebet-shell/ebet-shell.ts';
export * from './ebet-test-page/ebet-test-page.ts';
