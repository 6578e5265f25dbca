import type { Writable } from 'node:stream';

/** How often the renderers report progress and give a slow reader the chance to catch up. */
export const PROGRESS_EVERY = 1000;
export const YIELD_EVERY = 250;

/** A stream to write to, or a callback that takes each chunk (and may return a promise). */
export type TextSink = Writable | ((chunk: string) => void | Promise<void>);
