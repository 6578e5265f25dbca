import { ApiProperty } from '@nestjs/swagger';
import { type CommentEntity, POSITIONS, type Position } from './comment.entity';

export class CommentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) actionId!: string;
  @ApiProperty({ format: 'uuid' }) authorUserId!: string;
  @ApiProperty({ format: 'uuid' }) authorOrganisationId!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ enum: [...POSITIONS], enumName: 'PartnerPosition', nullable: true, type: String })
  position!: Position | null;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Members the comment mentions.' })
  mentionedUserIds!: string[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
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
