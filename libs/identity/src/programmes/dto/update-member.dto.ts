import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PROGRAMME_ROLES, type ProgrammeRole } from '../../access/permissions';

/** PATCH /programmes/{id}/members/{membershipId} */
export class UpdateMemberDto {
  @ApiProperty({ enum: [...PROGRAMME_ROLES], enumName: 'ProgrammeRole', example: 'editor' })
  @IsIn(PROGRAMME_ROLES)
  role!: ProgrammeRole;
}
