import { Module } from '@nestjs/common';
import { IdentityProvidersModule } from '@app/identity';
import { IdentityProvidersController } from './identity-providers/identity-providers.controller';

/** HTTP routes of the organisations' identity providers (platform administrators). */
@Module({
  imports: [IdentityProvidersModule],
  controllers: [IdentityProvidersController],
})
export class IdentityProvidersHttpModule {}
