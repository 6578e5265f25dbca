import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { APP_CONFIG } from '@app/core';
import type { AppConfig } from '@app/core';
import { type AuditCheckpoint, isValidCheckpoint } from './audit-checkpoint';

export type StoredCheckpoint =
  | { state: 'none' }
  | { state: 'valid'; checkpoint: AuditCheckpoint }
  | { state: 'invalid'; reason: string };

/**
 * Keeps the latest signed checkpoint outside the database: in AUDIT_CHECKPOINT_FILE (written
 * atomically, never moved backwards) and always as a log line, so the log archive holds the
 * history of checkpoints too.
 */
@Injectable()
export class AuditCheckpointStore {
  private readonly logger = new Logger(AuditCheckpointStore.name);
  /** Without a file, the last checkpoint this process wrote: the worker verifies from it. */
  private latest: AuditCheckpoint | undefined;

  /** Needs only the audit settings, so the command-line verifier can build one. */
  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'audit'>) {}

  /** The HMAC key that signs checkpoints. */
  get key(): string {
    return this.config.audit.checkpointKey;
  }

  /** Where checkpoints are kept; undefined when only in the log. */
  get file(): string | undefined {
    return this.config.audit.checkpointFile;
  }

  async read(file = this.file): Promise<StoredCheckpoint> {
    if (file === undefined) {
      return this.latest ? { state: 'valid', checkpoint: this.latest } : { state: 'none' };
    }
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'none' };
      throw error;
    }
    return this.parse(text);
  }

  /** A checkpoint as written to the file or the log (its `checkpoint` field), checked. */
  parse(text: string): StoredCheckpoint {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { state: 'invalid', reason: 'the checkpoint is not JSON' };
    }
    return isValidCheckpoint(this.config.audit.checkpointKey, parsed)
      ? { state: 'valid', checkpoint: parsed }
      : { state: 'invalid', reason: 'the checkpoint signature does not match' };
  }

  /**
   * Stores `checkpoint` unless the stored one is further along; answers whether it was
   * stored. The log line is the record when there is no file.
   */
  async write(checkpoint: AuditCheckpoint): Promise<boolean> {
    this.logger.log({ event: 'audit_checkpoint', checkpoint }, 'audit chain checkpoint');
    const file = this.file;
    if (file === undefined) {
      this.latest = checkpoint;
      return true;
    }
    const current = await this.read(file);
    if (
      current.state === 'valid' &&
      BigInt(current.checkpoint.sequence) >= BigInt(checkpoint.sequence)
    ) {
      return false;
    }
    if (current.state === 'invalid') {
      // Only after the chain verified (AuditIntegrityService.checkpoint), e.g. after a key rotation.
      this.logger.error(
        { event: 'audit_checkpoint_replaced', reason: current.reason },
        'replacing an unreadable audit checkpoint',
      );
    }
    await mkdir(dirname(file), { recursive: true });
    // A name of its own (containers all run as PID 1), synced before the rename: after a
    // crash the file holds the old checkpoint or the new one, never a torn one.
    const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    const handle = await open(temporary, 'wx', 0o640);
    try {
      await handle.writeFile(`${JSON.stringify(checkpoint)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
    return true;
  }
}
