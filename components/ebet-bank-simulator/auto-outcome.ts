/** An outcome chosen up front: a request that arrives is answered so without a click. Its own module, so the test page reads it without loading the simulator. */
export const AUTO_OUTCOMES = ['pay', 'cancel', 'reject'] as const;
export type AutoOutcome = (typeof AUTO_OUTCOMES)[number];
