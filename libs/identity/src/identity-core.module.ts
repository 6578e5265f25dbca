import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiTokenEntity } from './auth/api-token.entity';
import { AccessTokens } from './auth/access-tokens';
import { PrincipalCache } from './auth/principal-cache';
import { PrincipalChanges } from './auth/principal-changes';
import { IdentityProviderEntity } from './identity-providers/identity-provider.entity';
import { RefreshTokenEntity } from './auth/refresh-token.entity';
import { SessionsPurge } from './auth/sessions-purge.service';
import { SessionsRepository } from './auth/sessions.repository';
import { OrganisationEntity } from './organisations/organisation.entity';
import { MembershipEntity } from './programmes/membership.entity';
import { ProgrammeEntity } from './programmes/programme.entity';
import { TrackEntity } from './programmes/track.entity';
import { Passwords } from './users/passwords';
import { UserEntity } from './users/user.entity';

/** The identity entities and the pieces every identity feature shares. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      OrganisationEntity,
      UserEntity,
      ProgrammeEntity,
      TrackEntity,
      MembershipEntity,
      RefreshTokenEntity,
      ApiTokenEntity,
      IdentityProviderEntity,
    ]),
  ],
  // Sessions' tokens here (not in AuthModule): the worker purges them without log-in's Redis.
  providers: [
    Passwords,
    AccessTokens,
    PrincipalCache,
    PrincipalChanges,
    SessionsRepository,
    SessionsPurge,
  ],
  exports: [
    TypeOrmModule,
    Passwords,
    AccessTokens,
    PrincipalCache,
    SessionsRepository,
    SessionsPurge,
  ],
})
export class IdentityCoreModule {}
