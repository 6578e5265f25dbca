interface Window {
  startedAt: number;
  suppressed: number;
}

/**
 * At most one recorded refusal per actor, route and decision per window; the others are
 * counted, and the count goes with the next one recorded. Every recorded event waits its turn
 * on the audit chain's head and stays forever, so a client looping on a forbidden route must
 * neither slow everyone's writes nor fill the table. Per process, bounded in memory.
 */
export class DenialThrottle {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly windowMs = 60_000,
    private readonly maxKeys = 10_000,
  ) {}

  /** Whether to record this refusal, and how many of its kind went unrecorded before it. */
  admit(key: string, now: number): { record: boolean; suppressed: number } {
    const window = this.windows.get(key);
    if (window && now - window.startedAt < this.windowMs) {
      window.suppressed += 1;
      return { record: false, suppressed: window.suppressed };
    }
    this.windows.delete(key);
    if (this.windows.size >= this.maxKeys) {
      // The oldest key: a Map iterates in insertion order.
      const oldest = this.windows.keys().next().value;
      if (oldest !== undefined) this.windows.delete(oldest);
    }
    this.windows.set(key, { startedAt: now, suppressed: 0 });
    return { record: true, suppressed: window?.suppressed ?? 0 };
  }
}
