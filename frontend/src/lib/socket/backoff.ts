/** Exponential backoff with ±50% jitter, so that a venue full of phones does not retry in step. */
export class Backoff {
  private attempts = 0;

  constructor(
    private readonly baseMs: number,
    private readonly maxMs: number,
    private readonly random: () => number = Math.random,
  ) {}

  /** The next delay, growing on each call until reset. */
  next(): number {
    const exp = Math.min(this.maxMs, this.baseMs * 2 ** this.attempts);
    this.attempts += 1;
    return Math.round(exp * (0.5 + this.random()));
  }

  reset() {
    this.attempts = 0;
  }
}
