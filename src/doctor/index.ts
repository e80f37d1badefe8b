/**
 * The mismatch doctor: a registry of causes (`registry.ts`, one module each in `causes/`) and a
 * small bounded driver (`diagnose.ts`). What the toolkit and its users import.
 */
export { diagnoseMac } from './diagnose.ts';
export { DOCTOR_CAUSES, REGISTRY } from './registry.ts';
export { readHexValue } from './given.ts';
export { calculatorCase, readCalculatorCase, type CalculatorCase } from './calculator-case.ts';
export { checkedIn, declaredCharset } from './charset.ts';
export type {
  CauseExample,
  CharsetSource,
  Diagnosis,
  DoctorCause,
  DoctorFinding,
  DoctorOptions,
  DoctorTry,
  KeyInterpretation,
  KeyUse,
} from './types.ts';
