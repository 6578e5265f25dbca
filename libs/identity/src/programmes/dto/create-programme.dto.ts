import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { ProgrammeStatus } from '../programme.entity';
import { ProgrammeFields } from './programme-fields';
import { IsOmittable } from './validators';

/** POST /programmes */
export class CreateProgrammeDto {
  @ProgrammeFields.name('required', { example: 'Actieagenda Sterk Bestuur' })
  name!: string;

  @ProgrammeFields.slug('required', {
    description: 'Unique, lower-case kebab-case handle.',
    example: 'actieagenda-sterk-bestuur',
  })
  slug!: string;

  @ProgrammeFields.description({ default: '', example: 'Samenspel tussen overheden.' })
  description?: string;

  @ProgrammeFields.date({ example: '2023-06-01', description: 'null or left out: no start date.' })
  startDate?: string | null;

  @ProgrammeFields.date({
    description: 'On or after startDate; null or left out: no end date.',
    example: '2027-12-31',
  })
  endDate?: string | null;

  @ProgrammeFields.status({ default: 'active' })
  status?: ProgrammeStatus;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'An active user to make the first coordinator, in the same transaction.',
    example: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  })
  @IsOmittable()
  @IsUUID()
  coordinatorUserId?: string;
}
