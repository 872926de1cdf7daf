import { matchGreedy } from './greedy';
import type { MatchingInput, MatchingResult } from './types';

/** Placeholder until the min-cost-flow matcher lands: same interface, greedy answer. */
export function matchOptimal(input: MatchingInput): MatchingResult {
  return matchGreedy(input);
}
