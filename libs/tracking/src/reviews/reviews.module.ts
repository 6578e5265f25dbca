import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProgrammesModule } from '@app/identity';
import { ActionsRepository } from '../actions/actions.repository';
import { AttachmentsModule } from '../attachments/attachments.module';
import { CommentEntity } from './comment.entity';
import { CommentsRepository } from './comments.repository';
import { ReviewsService } from './reviews.service';

/** Reviews of actions: comments with a position, mentions, and an action's history. */
@Module({
  imports: [TypeOrmModule.forFeature([CommentEntity]), AttachmentsModule, ProgrammesModule],
  providers: [ActionsRepository, CommentsRepository, ReviewsService],
  exports: [ReviewsService],
})
export class ReviewsModule {}
