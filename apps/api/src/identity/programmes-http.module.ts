import { Module } from '@nestjs/common';
import { ProgrammesModule } from '@app/identity';
import { MembersController } from './programmes/members.controller';
import { ProgrammesController } from './programmes/programmes.controller';
import { TracksController } from './programmes/tracks.controller';

/** HTTP routes of the programmes part of identity: programmes, tracks, members. */
@Module({
  imports: [ProgrammesModule],
  controllers: [ProgrammesController, TracksController, MembersController],
})
export class ProgrammesHttpModule {}
