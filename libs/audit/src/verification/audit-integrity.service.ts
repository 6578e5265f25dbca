import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@app/core';
import { GENESIS_HASH } from '../chain/audit-chain';
import { signCheckpoint } from '../checkpoints/audit-checkpoint';
import { AuditCheckpointStore } from '../checkpoints/audit-checkpoint.store';
import { AuditVerifier } from './audit-verifier';
import type { ChainVerification } from './chain-verification';

export type CheckpointOutcome =
  | { kind: 'written'; sequence: string }
  | { kind: 'unchanged'; sequence: string }
  | { kind: 'refused'; verification: ChainVerification }
  /** Another process is writing the checkpoint file right now; its run covers this one. */
  | { kind: 'busy' };

/**
 * The PostgreSQL advisory lock (one bigint, from the file's path) that lets one process at a
 * time check and write a checkpoint file that several workers share.
 */
const CHECKPOINT_LOCK = `SELECT hashtextextended('sbt.audit-checkpoint:' || $1, 0) AS key`;

/** Verification against the stored checkpoint, and the periodic checkpoint itself. */
@Injectable()
export class AuditIntegrityService {
  private readonly logger = new Logger(AuditIntegrityService.name);
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly verifier: AuditVerifier,
    private readonly store: AuditCheckpointStore,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Recomputes the chain from `from` (default: the start) and compares it with the checkpoint. */
  async verify(from?: bigint): Promise<ChainVerification> {
    return this.verifier.verify({ from, checkpoint: await this.store.read() });
  }

  /**
   * Verifies what was added since the last checkpoint (all of it when there is none or it
   * cannot be read) and, only if that holds, signs the new head. A checkpoint is never
   * written over a broken chain: that would vouch for the tampering. One at a time per
   * process, so that a slow run and the next cannot race on the file; and with a file, one
   * at a time across processes too (several workers share it on a volume): a worker that
   * finds another one at it answers `busy` and leaves it to that one.
   */
  checkpoint(): Promise<CheckpointOutcome> {
    const run = this.running.then(() => this.checkpointExclusively());
    this.running = run.catch(() => undefined);
    return run;
  }

  /**
   * Holds a session advisory lock on a connection of its own while it reads, verifies and
   * writes. Should that connection drop, PostgreSQL frees the lock; the file itself is still
   * replaced atomically and never with an older checkpoint than the one this run read.
   */
  private async checkpointExclusively(): Promise<CheckpointOutcome> {
    const file = this.store.file;
    if (file === undefined) return this.checkpointNow();
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      const [{ key }] = (await runner.query(CHECKPOINT_LOCK, [file])) as { key: string }[];
      const [{ locked }] = (await runner.query(
        'SELECT pg_try_advisory_lock($1::bigint) AS locked',
        [key],
      )) as { locked: boolean }[];
      if (!locked) return { kind: 'busy' };
      try {
        return await this.checkpointNow();
      } finally {
        await runner
          .query('SELECT pg_advisory_unlock($1::bigint)', [key])
          .catch((error: Error) =>
            this.logger.warn(`could not release the checkpoint lock: ${error.message}`),
          );
      }
    } finally {
      await runner.release();
    }
  }

  private async checkpointNow(): Promise<CheckpointOutcome> {
    const stored = await this.store.read();
    const from = stored.state === 'valid' ? BigInt(stored.checkpoint.sequence) : undefined;
    const verification = await this.verifier.verify({ from, checkpoint: stored });
    // An unreadable checkpoint alone (a rotated key) does not stop a fully verified chain.
    if (verification.firstInvalidSequence !== undefined) {
      this.logger.error(
        { event: 'audit_chain_invalid', verification },
        'the audit chain does not verify; no checkpoint written',
      );
      return { kind: 'refused', verification };
    }
    const sequence = verification.lastSequence ?? '0';
    if (stored.state === 'valid' && stored.checkpoint.sequence === sequence) {
      return { kind: 'unchanged', sequence };
    }
    const checkpoint = signCheckpoint(this.store.key, {
      sequence,
      hash: (await this.verifier.hashAt(BigInt(sequence))) ?? GENESIS_HASH,
      createdAt: this.clock.now().toISOString(),
    });
    return (await this.store.write(checkpoint))
      ? { kind: 'written', sequence }
      : { kind: 'unchanged', sequence };
  }
}
