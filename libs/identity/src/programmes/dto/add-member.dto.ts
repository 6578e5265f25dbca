import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsUUID, MaxLength } from 'class-validator';
import { IsOmittable, Trim } from '@app/core';
import { PROGRAMME_ROLES, type ProgrammeRole } from '../../access/permissions';

/**
 * POST /programmes/{id}/members. The user is named by id or by e-mail address, one of the two:
 * a coordinator may not list users (that is the platform administrators'), so the e-mail
 * address a colleague gives them is how they name someone who is not a member yet.
 */
export class AddMemberDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'An active user. Send this or `email`.',
    example: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  })
  @IsOmittable()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({
    format: 'email',
    maxLength: 254,
    description: 'The e-mail address of an active user (case-insensitive). Send this or `userId`.',
    example: 'sanne.devries@vng.example.nl',
  })
  @Trim()
  @IsOmittable()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiProperty({ enum: [...PROGRAMME_ROLES], enumName: 'ProgrammeRole', example: 'liaison' })
  @IsIn(PROGRAMME_ROLES)
  role!: ProgrammeRole;
}
