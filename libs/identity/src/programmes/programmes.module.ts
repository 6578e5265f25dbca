import { Module } from '@nestjs/common';
import { IdentityCoreModule } from '../identity-core.module';
import { MembersService } from './members.service';
import { MembershipsRepository } from './memberships.repository';
import { ProgrammesRepository } from './programmes.repository';
import { ProgrammesService } from './programmes.service';
import { TracksRepository } from './tracks.repository';
import { TracksService } from './tracks.service';

/** Programmes, tracks and memberships. */
@Module({
  imports: [IdentityCoreModule],
  providers: [
    ProgrammesRepository,
    TracksRepository,
    MembershipsRepository,
    ProgrammesService,
    TracksService,
    MembersService,
  ],
  exports: [ProgrammesService, TracksService, MembersService],
})
export class ProgrammesModule {}
