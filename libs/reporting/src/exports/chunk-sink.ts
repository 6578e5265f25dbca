import { Writable } from 'node:stream';

/** The size of a stored chunk of a file. */
const CHUNK_BYTES = 1024 * 1024;

/** A writable that stores what it is given in 1 MB chunks, one INSERT each. */
export class ChunkSink extends Writable {
  bytes = 0;
  private position = 0;
  private buffered: Buffer[] = [];
  private size = 0;

  constructor(private readonly store: (position: number, data: Buffer) => Promise<void>) {
    super();
  }

  override _write(
    chunk: Buffer | string,
    _encoding: BufferEncoding,
    done: (error?: Error | null) => void,
  ): void {
    const data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    this.buffered.push(data);
    this.size += data.length;
    this.bytes += data.length;
    if (this.size < CHUNK_BYTES) return done();
    this.flush().then(() => done(), done);
  }

  override _final(done: (error?: Error | null) => void): void {
    this.flush().then(() => done(), done);
  }

  private async flush(): Promise<void> {
    if (this.size === 0) return;
    const data = Buffer.concat(this.buffered);
    this.buffered = [];
    this.size = 0;
    await this.store(this.position++, data);
  }
}
