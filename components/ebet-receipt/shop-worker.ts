/**
 * The example shop's own worker (bundled to `shop/ebet-receipt-sw.js`, scope `shop/`), as a shop's
 * site would have one: the receipt worker of `lib/ebet-receipt-sw.js`, plus the shop's pages and the
 * toolkit files they load kept for offline use (the build writes their list).
 */
import { precacheBuild } from '../shared/precache.ts';
import { startWorker } from '../shared/service-worker.ts';
import { receiveReceipts } from './receipt-sw.ts';

receiveReceipts(startWorker());
precacheBuild(self.__WB_MANIFEST);
