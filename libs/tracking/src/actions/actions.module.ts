import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProgrammesModule } from '@app/identity';
import { ActionEntity } from './action.entity';
import { ActionSnapshots } from './action-snapshots';
import { AttachmentsModule } from '../attachments/attachments.module';
import { ActionEventFactsReader } from './action-event-facts.reader';
import { ActionDeadlinesReader } from './action-deadlines.reader';
import { ActionsRepository } from './actions.repository';
import { ActionViewsReader } from './action-views.reader';
import { ActionsService } from './actions.service';
import { ProgressUpdateEntity } from './progress-update.entity';
import { ProgressUpdatesRepository } from './progress-updates.repository';
import { PublicActionsReader } from './public-actions.reader';
import { CommentEntity } from '../reviews/comment.entity';
import { CommentsRepository } from '../reviews/comments.repository';
import { ReviewsService } from '../reviews/reviews.service';
import { ActionReportReader } from '../reporting/action-report.reader';
import { ReportNamesReader } from '../reporting/report-names.reader';
import { RollupsReader } from '../rollups/rollups.reader';
import { SpreadsheetRowsReader } from '../exchange/spreadsheet-rows.reader';

/** Actions: who does what by when, their progress timeline and their reviews. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ActionEntity, ProgressUpdateEntity, CommentEntity]),
    AttachmentsModule,
    ProgrammesModule,
  ],
  providers: [
    ActionsRepository,
    ActionViewsReader,
    ProgressUpdatesRepository,
    CommentsRepository,
    ActionsService,
    ReviewsService,
    ActionSnapshots,
    PublicActionsReader,
    ActionDeadlinesReader,
    ActionEventFactsReader,
    ActionReportReader,
    ReportNamesReader,
    RollupsReader,
    SpreadsheetRowsReader,
  ],
  exports: [
    ActionsService,
    ReviewsService,
    ActionSnapshots,
    ActionDeadlinesReader,
    ActionEventFactsReader,
    ActionReportReader,
    ReportNamesReader,
    PublicActionsReader,
    SpreadsheetRowsReader,
  ],
})
export class ActionsModule {}
