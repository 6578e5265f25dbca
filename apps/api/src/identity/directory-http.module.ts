import { Module } from '@nestjs/common';
import { DirectoryModule } from '@app/identity';
import { MeController } from './directory/me.controller';
import { OrganisationsController } from './directory/organisations.controller';
import { UsersController } from './directory/users.controller';

/** HTTP routes of the directory part of identity: organisations, users, /me. */
@Module({
  imports: [DirectoryModule],
  controllers: [OrganisationsController, UsersController, MeController],
})
export class DirectoryHttpModule {}
