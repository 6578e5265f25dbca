import { ApiProperty } from '@nestjs/swagger';
import {
  ACTION_HEALTHS,
  ACTION_STATUSES,
  type ActionHealth,
  type ActionStatus,
} from './action-states';
import {
  PROGRESS_KINDS,
  type ProgressKind,
  type ProgressUpdateEntity,
} from './progress-update.entity';

export class ProgressUpdateResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) actionId!: string;
  @ApiProperty({ enum: [...PROGRESS_KINDS], enumName: 'ProgressKind' }) kind!: ProgressKind;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) authorUserId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  authorOrganisationId!: string | null;
  @ApiProperty({
    enum: [...ACTION_STATUSES],
    enumName: 'ActionStatus',
    nullable: true,
    type: String,
    description: 'The status this update set; null when it left it alone.',
  })
  status!: ActionStatus | null;
  @ApiProperty({
    enum: [...ACTION_HEALTHS],
    enumName: 'ActionHealth',
    nullable: true,
    type: String,
  })
  health!: ActionHealth | null;
  @ApiProperty({ nullable: true, type: Number, minimum: 0, maximum: 100 })
  percentComplete!: number | null;
  @ApiProperty({ nullable: true, type: String }) narrative!: string | null;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export function mapProgressUpdate(entity: ProgressUpdateEntity): ProgressUpdateResponse {
  return {
    id: entity.id,
    actionId: entity.actionId,
    kind: entity.kind,
    authorUserId: entity.authorUserId,
    authorOrganisationId: entity.authorOrganisationId,
    status: entity.status,
    health: entity.health,
    percentComplete: entity.percentComplete,
    narrative: entity.narrative,
    reason: entity.reason,
    createdAt: entity.createdAt.toISOString(),
  };
}
