import { Module } from '@nestjs/common';

/** HTTP routes of the directory part of identity. */
@Module({ controllers: [] })
export class DirectoryHttpModule {}
