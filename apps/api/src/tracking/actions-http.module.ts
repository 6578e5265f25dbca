import { Module } from '@nestjs/common';
import { ActionsModule, ReviewsModule } from '@app/tracking';
import { ActionsController } from './actions.controller';
import { ReviewsController } from './reviews.controller';

@Module({
  imports: [ActionsModule, ReviewsModule],
  controllers: [ActionsController, ReviewsController],
})
export class ActionsHttpModule {}
