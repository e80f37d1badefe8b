/**
 * `ebet-toolkit/simulator`: the simulated bank for tests of your own (a shop's CI, a mock server):
 * its answers to the three requests over a ledger, the ledger as JSON, and its addresses. A curated
 * list, as docs/package.md names it; the ledger's bookkeeping stays internal.
 */
export {
  EMPTY_LEDGER,
  SIMULATOR_ENDPOINTS,
  canPay,
  findPayment,
  ledgerFromJson,
  ledgerToJson,
  payDirectAnswer,
  paymentCheckAnswer,
  repaymentAnswer,
  repaymentsOf,
  requestFor,
  returnTarget,
  verifyRequestMac,
  type ExchangeOptions,
  type Ledger,
  type LedgerPayment,
  type LedgerRepayment,
  type RequestKind,
  type SimulatedAnswer,
  type SimulatorEndpoint,
  type SimulatorOptions,
} from './simulator.ts';
