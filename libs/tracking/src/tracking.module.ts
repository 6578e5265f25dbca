import { Module } from '@nestjs/common';
import { ActionsModule } from './actions/actions.module';
import { AttachmentsModule } from './attachments/attachments.module';
import { CommitmentsModule } from './commitments/commitments.module';
import { ReportReadsModule } from './report-reads/report-reads.module';
import { ReviewsModule } from './reviews/reviews.module';

/** Tracking (DESIGN §2): commitments, actions, progress updates, reviews and their evidence. */
@Module({
  imports: [CommitmentsModule, ActionsModule, ReviewsModule, ReportReadsModule, AttachmentsModule],
  exports: [CommitmentsModule, ActionsModule, ReviewsModule, ReportReadsModule, AttachmentsModule],
})
export class TrackingModule {}
