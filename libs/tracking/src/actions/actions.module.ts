import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProgrammesModule } from '@app/identity';
import { ActionEntity } from './action.entity';
import { ActionChangeService } from './action-change.service';
import { ActionCreationService } from './action-creation.service';
import { ActionDecorationsReader } from './action-decorations.reader';
import { ActionProgressService } from './action-progress.service';
import { ActionResponses } from './action-responses';
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
import { RollupsReader } from '../rollups/rollups.reader';
import { SpreadsheetRowsReader } from '../exchange/spreadsheet-rows.reader';

/** Actions: who does what by when, and their progress timeline (reviews: ReviewsModule). */
@Module({
  imports: [
    TypeOrmModule.forFeature([ActionEntity, ProgressUpdateEntity]),
    AttachmentsModule,
    ProgrammesModule,
  ],
  providers: [
    ActionsRepository,
    ActionViewsReader,
    ProgressUpdatesRepository,
    ActionDecorationsReader,
    ActionResponses,
    ActionCreationService,
    ActionChangeService,
    ActionProgressService,
    ActionsService,
    ActionSnapshots,
    PublicActionsReader,
    ActionDeadlinesReader,
    ActionEventFactsReader,
    RollupsReader,
    SpreadsheetRowsReader,
  ],
  exports: [
    ActionsService,
    ActionSnapshots,
    ActionDeadlinesReader,
    ActionEventFactsReader,
    PublicActionsReader,
    SpreadsheetRowsReader,
  ],
})
export class ActionsModule {}
