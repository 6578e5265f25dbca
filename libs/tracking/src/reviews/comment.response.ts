import { ApiProperty } from '@nestjs/swagger';
import { type CommentEntity, POSITIONS, type Position } from './comment.entity';

export class CommentResponse {
  @ApiProperty({ format: 'uuid', example: 'fd21682a-4f3d-4585-8ea7-b31826ad719c' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '1db9bc4f-a9c7-5dcc-86bc-b301fed52fee' })
  actionId!: string;
  @ApiProperty({ format: 'uuid', example: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' })
  authorUserId!: string;
  @ApiProperty({ format: 'uuid', example: '7d6c5b4a-3e2f-4a1b-9c8d-7e6f5a4b3c2d' })
  authorOrganisationId!: string;
  @ApiProperty({ example: 'De VNG steunt de aanpak, mits de uitvoeringskosten worden meegenomen.' })
  body!: string;
  @ApiProperty({
    enum: [...POSITIONS],
    enumName: 'PartnerPosition',
    nullable: true,
    type: String,
    example: 'supports',
  })
  position!: Position | null;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Members the comment mentions.',
    example: ['f4f87bc9-09b2-42e9-924e-8a4ded01cb33'],
  })
  mentionedUserIds!: string[];
  @ApiProperty({ format: 'date-time', example: '2026-11-25T15:41:08.000Z' }) createdAt!: string;
}

export function mapComment(comment: CommentEntity): CommentResponse {
  return {
    id: comment.id,
    actionId: comment.actionId,
    authorUserId: comment.authorUserId,
    authorOrganisationId: comment.authorOrganisationId,
    body: comment.body,
    position: comment.position,
    mentionedUserIds: comment.mentionedUserIds,
    createdAt: comment.createdAt.toISOString(),
  };
}
