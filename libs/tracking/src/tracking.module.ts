import { Module } from '@nestjs/common';
import { ActionsModule } from './actions/actions.module';
import { AttachmentsModule } from './attachments/attachments.module';
import { CommitmentsModule } from './commitments/commitments.module';

/** Tracking (DESIGN §2): commitments, actions, progress updates, reviews and their evidence. */
@Module({
  imports: [CommitmentsModule, ActionsModule, AttachmentsModule],
  exports: [CommitmentsModule, ActionsModule, AttachmentsModule],
})
export class TrackingModule {}
