/**
 * ebet-toolkit's protocol core: E-betalning's messages as data, MAC strings, HMAC-SHA256-128,
 * KVV, parsing of pasted input, validation and detection. Pure TypeScript with no DOM:
 * it runs in browsers and in Node alike. This module only re-exports.
 */
export * from './text.ts';
export * from './fields.ts';
export * from './field-table.ts';
export * from './encoding.ts';
export * from './key.ts';
export * from './key-ring.ts';
export * from './message.ts';
export * from './detect.ts';
export * from './parse.ts';
export * from './validate.ts';
export * from './amount.ts';
export * from './reference.ts';
export * from './stamp.ts';
export * from './visible.ts';
export * from './output.ts';
export * from './simulator.ts';
export * from './incident.ts';
export * from './policy.ts';
export * from './verify.ts';
export * from './decode.ts';
export * from './doctor.ts';
export * from './checkout.ts';
export * from './checkout-core.ts';
export * from './receipt.ts';
export * from './shop-return.ts';
export * from './attempt-log.ts';
export * from './extract.ts';
