import type { Writable } from 'node:stream';

/**
 * Waits while `out` holds more than its high-water mark, so a slow reader (an HTTP client)
 * bounds the memory a large file takes (a 100,000-action report, a workbook); otherwise yields one turn of the event
 * loop so compression and piping can run. Rejects when `out` failed or was closed early.
 */
export async function keepPace(out: Writable): Promise<void> {
  if (out.destroyed || out.writableEnded) throw new Error('The output was closed early');
  if (!out.writableNeedDrain) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const done = (error?: Error): void => {
      out.off('drain', onDrain);
      out.off('error', onError);
      out.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = (): void => done();
    const onError = (error: Error): void => done(error);
    const onClose = (): void => done(new Error('The output was closed early'));
    out.on('drain', onDrain);
    out.on('error', onError);
    out.on('close', onClose);
  });
}
