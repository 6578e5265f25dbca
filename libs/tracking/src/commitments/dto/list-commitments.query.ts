import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto, QueryList } from '@app/core';
import { COMMITMENT_KINDS, type CommitmentKind } from '../commitment.entity';

export const COMMITMENT_SORT_KEYS = ['createdAt', 'dateAgreed', 'title'] as const;

/** GET /commitments */
export class ListCommitmentsQuery extends PageQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only this programme (404 if it is not one of yours).',
  })
  @IsOptional()
  @IsUUID()
  programme?: string;

  @ApiPropertyOptional({
    enum: COMMITMENT_KINDS,
    enumName: 'CommitmentKind',
    isArray: true,
    description: 'Only these kinds: repeat the key or separate with commas.',
    example: ['rob_recommendation', 'parliamentary_pledge'],
  })
  @IsOptional()
  @QueryList()
  @IsIn(COMMITMENT_KINDS, { each: true })
  kind?: CommitmentKind[];

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only commitments this organisation is party to.',
  })
  @IsOptional()
  @IsUUID()
  party?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    description: 'Only commitments whose title contains this text (any case).',
    example: 'ruimte',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    description:
      `Comma-separated keys of ${COMMITMENT_SORT_KEYS.join(', ')}; a leading minus sorts ` +
      'descending. Commitments without dateAgreed come first in ascending order. Ties are ' +
      'broken by id.',
    default: '-createdAt',
    example: '-dateAgreed,title',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  sort?: string;
}
