/**
 * Writes items in groups: what is added while a group is being written goes into the next
 * one, so that under load one statement and one commit serve many items, and alone an item
 * waits no longer than the turn of the event loop it was added in. `add` resolves once its
 * group was written and rejects with that group's error.
 */
export class GroupCommit<T> {
  private queued: Array<{ item: T; resolve: () => void; reject: (error: unknown) => void }> = [];
  private writing = false;

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly maxGroup: number,
  ) {}

  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queued.push({ item, resolve, reject });
      if (!this.writing) {
        this.writing = true;
        // Items settled in the same turn (the answers of one burst) share the first group.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queued.length > 0) {
      const group = this.queued.splice(0, this.maxGroup);
      try {
        await this.write(group.map((entry) => entry.item));
        for (const entry of group) entry.resolve();
      } catch (error) {
        for (const entry of group) entry.reject(error);
      }
    }
    this.writing = false;
  }
}
