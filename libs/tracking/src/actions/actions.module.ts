import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActionEntity } from './action.entity';
import { ActionSnapshots } from './action-snapshots';
import { ActionsRepository } from './actions.repository';
import { ActionsService } from './actions.service';
import { ProgressUpdateEntity } from './progress-update.entity';
import { ProgressUpdatesRepository } from './progress-updates.repository';
import { CommentEntity } from '../reviews/comment.entity';
import { CommentsRepository } from '../reviews/comments.repository';
import { ReviewsService } from '../reviews/reviews.service';

/** Actions: who does what by when, their progress timeline and their reviews. */
@Module({
  imports: [TypeOrmModule.forFeature([ActionEntity, ProgressUpdateEntity, CommentEntity])],
  providers: [
    ActionsRepository,
    ProgressUpdatesRepository,
    CommentsRepository,
    ActionsService,
    ReviewsService,
    ActionSnapshots,
  ],
  exports: [ActionsService, ReviewsService, ActionSnapshots],
})
export class ActionsModule {}
