/**
 * Permits for messages between "handed to the mail server" and "marked sent": at most
 * MAIL_CONCURRENCY per worker process, whatever number of jobs send at once. That number is
 * also the most a `kill -9` can make SMTP carry twice (under the same Message-ID), so it is
 * kept a setting, not a product of job and batch concurrency.
 *
 * FIFO: a group waiting for many permits is not overtaken by later single messages.
 */
export class SendPermits {
  private available: number;
  private readonly waiting: { count: number; grant: () => void }[] = [];

  constructor(readonly capacity: number) {
    this.available = capacity;
  }

  /** Waits for `count` permits (at most the capacity) and answers their release. */
  async acquire(count: number): Promise<() => void> {
    const wanted = Math.min(Math.max(count, 1), this.capacity);
    if (this.waiting.length === 0 && this.available >= wanted) {
      this.available -= wanted;
    } else {
      await new Promise<void>((grant) => this.waiting.push({ count: wanted, grant }));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.available += wanted;
      this.grantWaiting();
    };
  }

  private grantWaiting(): void {
    while (this.waiting.length > 0 && this.available >= this.waiting[0].count) {
      const next = this.waiting.shift()!;
      this.available -= next.count;
      next.grant();
    }
  }
}
