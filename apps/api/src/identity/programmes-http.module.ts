import { Module } from '@nestjs/common';

/** HTTP routes of the programmes part of identity. */
@Module({ controllers: [] })
export class ProgrammesHttpModule {}
