/** `<ebet-decoder>`, registered once per page (`../shared/define.ts`), with its class and types. */
import { define } from '../shared/define.ts';
import { EbetDecoder } from './ebet-decoder.ts';

export * from './ebet-decoder.ts';

define('ebet-decoder', EbetDecoder);
