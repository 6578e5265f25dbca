import { Module } from '@nestjs/common';

/** HTTP routes of the auth part of identity. */
@Module({ controllers: [] })
export class AuthHttpModule {}
