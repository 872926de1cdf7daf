/**
 * Transfer speed, smoothed: an exponentially weighted average of the rate over windows of at
 * least `windowMs`, so one slow or bursty moment does not make the speed and ETA jump around.
 */
export class SpeedMeter {
  private lastBytes = 0;
  private lastAt: number | null = null;
  private speed: number | null = null;

  constructor(
    private readonly windowMs = 500,
    private readonly alpha = 0.3,
  ) {}

  /** Feed the running total of bytes moved; returns the smoothed speed in bytes per second. */
  sample(totalBytes: number, now: number): number | null {
    if (this.lastAt === null || totalBytes < this.lastBytes) {
      this.lastAt = now;
      this.lastBytes = totalBytes;
      return this.speed;
    }
    const elapsed = now - this.lastAt;
    if (elapsed < this.windowMs) return this.speed;
    const rate = ((totalBytes - this.lastBytes) * 1000) / elapsed;
    this.speed = this.speed === null ? rate : this.alpha * rate + (1 - this.alpha) * this.speed;
    this.lastAt = now;
    this.lastBytes = totalBytes;
    return this.speed;
  }

  /** After a pause the old rate says nothing about the new connection. */
  reset(): void {
    this.lastAt = null;
    this.speed = null;
  }

  get bytesPerSecond(): number | null {
    return this.speed;
  }
}

/** Seconds left at the current speed; null while the speed is unknown or zero. */
export function etaSeconds(remainingBytes: number, bytesPerSecond: number | null): number | null {
  if (remainingBytes <= 0) return 0;
  if (!bytesPerSecond || bytesPerSecond <= 0) return null;
  return Math.ceil(remainingBytes / bytesPerSecond);
}
