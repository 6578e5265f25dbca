import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ChainVerification } from '../verification/chain-verification';

const CHECKPOINT_STATUSES = ['none', 'unreadable', 'matches', 'differs', 'beyond_log'] as const;
type CheckpointStatus = (typeof CHECKPOINT_STATUSES)[number];

export class AuditCheckpointResponse {
  @ApiProperty({
    enum: CHECKPOINT_STATUSES,
    enumName: 'AuditCheckpointStatus',
    description:
      'How the log compares with the latest signed checkpoint: none (no checkpoint yet), unreadable (its signature does not match), matches, differs (the chain was rewritten up to it), beyond_log (events were removed from the end).',
    example: 'matches',
  })
  status!: CheckpointStatus;

  @ApiPropertyOptional({
    type: 'integer',
    format: 'int64',
    description: 'The sequence the checkpoint vouches for.',
    example: 1000,
  })
  sequence?: number;

  @ApiPropertyOptional({ format: 'date-time', example: '2026-11-02T03:00:00.000Z' })
  createdAt?: string;
}

export class AuditVerificationResponse {
  @ApiProperty({
    description: 'Whether the chain holds and agrees with the signed checkpoint.',
    example: false,
  })
  valid!: boolean;

  @ApiProperty({ type: 'integer', description: 'Events whose hash was recomputed.', example: 1024 })
  checked!: number;

  @ApiProperty({
    type: 'integer',
    format: 'int64',
    description: 'The first sequence checked.',
    example: 1,
  })
  from!: number;

  @ApiProperty({
    type: 'integer',
    format: 'int64',
    nullable: true,
    description: 'The last sequence of the log when the check started; null when it is empty.',
    example: 1024,
  })
  lastSequence!: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    format: 'int64',
    description: 'Where the chain first fails; absent when valid.',
    example: 17,
  })
  firstInvalidSequence?: number;

  @ApiPropertyOptional({
    description: 'Why the chain does not verify; absent when valid.',
    example: 'event 17 was altered (its content does not match its hash)',
  })
  reason?: string;

  @ApiProperty({ type: AuditCheckpointResponse })
  checkpoint!: AuditCheckpointResponse;
}

export function mapVerification(verification: ChainVerification): AuditVerificationResponse {
  const { checkpoint } = verification;
  const response: AuditVerificationResponse = {
    valid: verification.valid,
    checked: verification.checked,
    from: Number(verification.from),
    lastSequence: verification.lastSequence === null ? null : Number(verification.lastSequence),
    checkpoint:
      'sequence' in checkpoint
        ? {
            status: checkpoint.status,
            sequence: Number(checkpoint.sequence),
            createdAt: checkpoint.createdAt,
          }
        : { status: checkpoint.status },
  };
  if (verification.firstInvalidSequence !== undefined) {
    response.firstInvalidSequence = Number(verification.firstInvalidSequence);
  }
  if (verification.reason !== undefined) response.reason = verification.reason;
  return response;
}
