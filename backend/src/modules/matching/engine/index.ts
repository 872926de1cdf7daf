/** The matching engine: pure, deterministic, no I/O. See docs/matching.md. */
export type * from './types';
export { heatsClash, clashLists } from './clash';
export { violations } from './violations';
export { matchGreedy } from './greedy';
export { matchOptimal } from './optimal';
