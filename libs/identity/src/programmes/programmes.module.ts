import { Module } from '@nestjs/common';
import { IdentityCoreModule } from '../identity-core.module';
import { MembersService } from './members.service';
import { MembershipsRepository } from './memberships.repository';
import { PeopleDirectory } from './people-directory';
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
    PeopleDirectory,
  ],
  exports: [ProgrammesService, TracksService, MembersService, PeopleDirectory],
})
export class ProgrammesModule {}
