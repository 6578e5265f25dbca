import { Module } from '@nestjs/common';

/** Actions: who does what by when, their progress timeline and their reviews. */
@Module({})
export class ActionsModule {}
