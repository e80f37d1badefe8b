/**
 * Every element of the toolkit, defined on import (`import 'ebet-toolkit/elements'`), with its
 * class and its events' detail types. A shop needing only the pay button imports
 * `ebet-toolkit/checkout`, a return page `ebet-toolkit/receipt`.
 */
export * from './ebet-attempt-log/define.ts';
export * from './ebet-bank-ledger/define.ts';
export * from './ebet-bank-simulator/define.ts';
export * from './ebet-calculator/define.ts';
export * from './ebet-checkout/define.ts';
export * from './ebet-copy-button/define.ts';
export * from './ebet-decoder/define.ts';
export * from './ebet-field-table/define.ts';
export * from './ebet-fields-input/define.ts';
export * from './ebet-form-builder/define.ts';
export * from './ebet-home/define.ts';
export * from './ebet-incident-checklist/define.ts';
export * from './ebet-key-input/define.ts';
export * from './ebet-lang-switch/define.ts';
export * from './ebet-mac-doctor/define.ts';
export * from './ebet-receipt/define.ts';
export * from './ebet-session/define.ts';
export * from './ebet-shell/define.ts';
export * from './ebet-test-page/define.ts';
