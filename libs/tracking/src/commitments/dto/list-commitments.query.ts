import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsOmittable, PageQueryDto, QueryList } from '@app/core';
import { COMMITMENT_KINDS, type CommitmentKind } from '../commitment.entity';
import { SEARCHABLE } from '../../search/search-query';

export const COMMITMENT_SORT_KEYS = ['createdAt', 'dateAgreed', 'title'] as const;

/** GET /commitments */
export class ListCommitmentsQuery extends PageQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only this programme (404 if it is not one of yours).',
  })
  @IsOmittable()
  @IsUUID()
  programme?: string;

  @ApiPropertyOptional({
    enum: COMMITMENT_KINDS,
    enumName: 'CommitmentKind',
    isArray: true,
    description: 'Only these kinds: repeat the key or separate with commas.',
    example: ['rob_recommendation', 'parliamentary_pledge'],
  })
  @IsOmittable()
  @QueryList()
  @IsIn(COMMITMENT_KINDS, { each: true })
  kind?: CommitmentKind[];

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only commitments this organisation is party to.',
  })
  @IsOmittable()
  @IsUUID()
  party?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    description:
      'Search: full text (Dutch) over title and description, every word a prefix ' +
      '(`opschaling` finds "opschalingskorting"), web-search syntax (`"financiële ' +
      'verhoudingen" -jeugd`); or a title containing the text; or a Kamerstuk of the ' +
      'sources (`29362-290`, `29362 nr. 290`, a dossier `29362`). Needs a letter or digit.',
    example: 'opschaling',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(200)
  @Matches(SEARCHABLE, { message: 'q must contain a letter or a digit' })
  q?: string;

  @ApiPropertyOptional({
    description:
      `Comma-separated keys of ${COMMITMENT_SORT_KEYS.join(', ')}; a leading minus sorts ` +
      'descending. Commitments without dateAgreed come first in ascending order. Ties are ' +
      'broken by id.',
    default: '-createdAt',
    example: '-dateAgreed,title',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(100)
  sort?: string;
}
