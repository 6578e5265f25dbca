import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommitmentEntity } from './commitment.entity';
import { CommitmentsRepository } from './commitments.repository';
import { CommitmentsService } from './commitments.service';
import { RollupsReader } from '../rollups/rollups.reader';

/** Commitments: what was agreed, by whom, where it is recorded, and what it builds on. */
@Module({
  imports: [TypeOrmModule.forFeature([CommitmentEntity])],
  providers: [CommitmentsRepository, CommitmentsService, RollupsReader],
  exports: [CommitmentsService],
})
export class CommitmentsModule {}
