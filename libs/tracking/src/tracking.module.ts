import { Module } from '@nestjs/common';
import { ActionsModule } from './actions/actions.module';
import { CommitmentsModule } from './commitments/commitments.module';

/** Tracking (DESIGN §2): commitments, actions, progress updates and reviews. */
@Module({
  imports: [CommitmentsModule, ActionsModule],
  exports: [CommitmentsModule, ActionsModule],
})
export class TrackingModule {}
