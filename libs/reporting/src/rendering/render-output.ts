import type { Writable } from 'node:stream';

/** How often the renderers report progress and give a slow reader the chance to catch up. */
export const PROGRESS_EVERY = 1000;
export const YIELD_EVERY = 250;

/** A stream to write to, or a callback that takes each chunk (and may return a promise). */
export type TextSink = Writable | ((chunk: string) => void | Promise<void>);

/**
 * Waits while `out` holds more than its high-water mark, so a slow reader (an HTTP client)
 * bounds the memory a 100,000-action report takes; otherwise yields one turn of the event
 * loop so compression and piping can run. Rejects when `out` failed or was closed early.
 */
export async function keepPace(out: Writable): Promise<void> {
  if (out.destroyed || out.writableEnded) throw new Error('The report output was closed early');
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
    const onClose = (): void => done(new Error('The report output was closed early'));
    out.on('drain', onDrain);
    out.on('error', onError);
    out.on('close', onClose);
  });
}
