import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@app/core';
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

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly verifier: AuditVerifier,
    private readonly store: AuditCheckpointStore,
    private readonly clock: Clock,
  ) {}

  /** Recomputes the chain from `from` (default: the start) and compares it with the checkpoint. */
  async verify(from?: bigint): Promise<ChainVerification> {
    return this.verifier.verify({ from, checkpoint: await this.store.read() });
  }

  /**
   * Verifies what was added since the last checkpoint and, only if that holds, signs the new
   * head. A checkpoint is never written over a broken chain: that would vouch for the tampering.
   */
  async checkpoint(): Promise<CheckpointOutcome> {
    const stored = await this.store.read();
    const from = stored.state === 'valid' ? BigInt(stored.checkpoint.sequence) : undefined;
    const verification = await this.verifier.verify({ from, checkpoint: stored });
    const broken = !verification.valid && verification.checkpoint.status !== 'unreadable';
    if (broken) {
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
    const [row] = await this.dataSource.query<{ hash: string }[]>(
      'SELECT "hash" FROM "audit_events" WHERE "sequence" = $1',
      [sequence],
    );
    const checkpoint = signCheckpoint(this.store.key, {
      sequence,
      hash: row?.hash ?? '0'.repeat(64),
      createdAt: this.clock.now().toISOString(),
    });
    return (await this.store.write(checkpoint))
      ? { kind: 'written', sequence }
      : { kind: 'unchanged', sequence };
  }
}
