import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@app/core';
import { GENESIS_HASH } from '../chain/audit-chain';
import { signCheckpoint } from '../checkpoints/audit-checkpoint';
import { AuditCheckpointStore } from '../checkpoints/audit-checkpoint.store';
import { AuditVerifier } from './audit-verifier';
import type { ChainVerification } from './chain-verification';

export type CheckpointOutcome =
  | { kind: 'written'; sequence: string }
  | { kind: 'unchanged'; sequence: string }
  | { kind: 'refused'; verification: ChainVerification };

/** Verification against the stored checkpoint, and the periodic checkpoint itself. */
@Injectable()
export class AuditIntegrityService {
  private readonly logger = new Logger(AuditIntegrityService.name);
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly verifier: AuditVerifier,
    private readonly store: AuditCheckpointStore,
    private readonly clock: Clock,
  ) {}

  /** Recomputes the chain from `from` (default: the start) and compares it with the checkpoint. */
  async verify(from?: bigint): Promise<ChainVerification> {
    return this.verifier.verify({ from, checkpoint: await this.store.read() });
  }

  /**
   * Verifies what was added since the last checkpoint (all of it when there is none or it
   * cannot be read) and, only if that holds, signs the new head. A checkpoint is never
   * written over a broken chain: that would vouch for the tampering. One at a time per
   * process, so that a slow run and the next cannot race on the file.
   */
  checkpoint(): Promise<CheckpointOutcome> {
    const run = this.running.then(() => this.checkpointNow());
    this.running = run.catch(() => undefined);
    return run;
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
