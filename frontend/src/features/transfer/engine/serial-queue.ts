/** Runs async tasks one after another, in the order they were queued. */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;

  constructor(private readonly onError: (error: unknown) => void) {}

  get size(): number {
    return this.pending;
  }

  push(task: () => void | Promise<void>): void {
    this.pending++;
    this.tail = this.tail
      .then(task)
      .catch(this.onError)
      .finally(() => {
        this.pending--;
      });
  }

  /** Resolves once everything queued so far has run. */
  idle(): Promise<void> {
    return this.tail;
  }
}
