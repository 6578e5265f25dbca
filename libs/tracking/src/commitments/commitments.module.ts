import { Module } from '@nestjs/common';

/** Commitments: what was agreed, by whom, where it is recorded, and what it builds on. */
@Module({})
export class CommitmentsModule {}
