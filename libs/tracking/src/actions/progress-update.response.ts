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
  @ApiProperty({ format: 'uuid', example: '1afadef7-b1bd-4e5a-89f5-e04e33c2d362' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '1db9bc4f-a9c7-5dcc-86bc-b301fed52fee' })
  actionId!: string;
  @ApiProperty({ enum: [...PROGRESS_KINDS], enumName: 'ProgressKind' }) kind!: ProgressKind;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    example: 'f4f87bc9-09b2-42e9-924e-8a4ded01cb33',
  })
  authorUserId!: string | null;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    example: '32f4863a-c117-4dd8-93d3-7b281d88bd9c',
  })
  authorOrganisationId!: string | null;
  @ApiProperty({
    enum: [...ACTION_STATUSES],
    enumName: 'ActionStatus',
    nullable: true,
    type: String,
    description: 'The status this update set; null when it left it alone.',
    example: 'in_progress',
  })
  status!: ActionStatus | null;
  @ApiProperty({
    enum: [...ACTION_HEALTHS],
    enumName: 'ActionHealth',
    nullable: true,
    type: String,
    example: 'at_risk',
  })
  health!: ActionHealth | null;
  @ApiProperty({ nullable: true, type: Number, minimum: 0, maximum: 100, example: 60 })
  percentComplete!: number | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'Het conceptkader is met VNG, IPO en UvW besproken; vaststelling in het BO.',
  })
  narrative!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'Het nieuwe kabinet wil het kader eerst combineren met de visie op de regio.',
  })
  reason!: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-11-24T10:12:31.000Z' }) createdAt!: string;
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
