/**
 * The receipt worker a static shop installs on its own origin (bundled to `lib/ebet-receipt-sw.js`;
 * copy it beside the shop's pages, since a worker's scope is its own folder): it catches the receipt
 * the bank posts to NB_RETURN (see `receipt-sw.ts`); every other request goes to the network untouched.
 */
import { startWorker } from '../shared/service-worker.ts';
import { receiveReceipts } from './receipt-sw.ts';

receiveReceipts(startWorker());
