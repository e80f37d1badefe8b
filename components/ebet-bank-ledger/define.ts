/** `<ebet-bank-ledger>`, registered once per page (`../shared/define.ts`), with its class and types. */
import { define } from '../shared/define.ts';
import { EbetBankLedger } from './ebet-bank-ledger.ts';

export * from './ebet-bank-ledger.ts';

define('ebet-bank-ledger', EbetBankLedger);
