import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiTokenEntity } from './auth/api-token.entity';
import { AccessTokens } from './auth/access-tokens';
import { RefreshTokenEntity } from './auth/refresh-token.entity';
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
    ]),
  ],
  providers: [Passwords, AccessTokens],
  exports: [TypeOrmModule, Passwords, AccessTokens],
})
export class IdentityCoreModule {}
