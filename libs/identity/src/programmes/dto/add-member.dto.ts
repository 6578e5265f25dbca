import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { PROGRAMME_ROLES, type ProgrammeRole } from '../../access/permissions';

/** POST /programmes/{id}/members */
export class AddMemberDto {
  @ApiProperty({
    format: 'uuid',
    description: 'An active user.',
    example: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  })
  @IsUUID()
  userId!: string;

  @ApiProperty({ enum: [...PROGRAMME_ROLES], enumName: 'ProgrammeRole', example: 'liaison' })
  @IsIn(PROGRAMME_ROLES)
  role!: ProgrammeRole;
}
