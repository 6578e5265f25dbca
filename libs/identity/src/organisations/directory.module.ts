import { Module } from '@nestjs/common';
import { LoginThrottleModule } from '../auth/login-throttle.module';
import { IdentityCoreModule } from '../identity-core.module';
import { MeService } from '../users/me.service';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { OrganisationsRepository } from './organisations.repository';
import { OrganisationsService } from './organisations.service';

/** Organisations and users. */
@Module({
  imports: [IdentityCoreModule, LoginThrottleModule],
  providers: [
    OrganisationsRepository,
    OrganisationsService,
    UsersRepository,
    UsersService,
    MeService,
  ],
  exports: [
    OrganisationsRepository,
    OrganisationsService,
    UsersRepository,
    UsersService,
    MeService,
  ],
})
export class DirectoryModule {}
