import { Module } from '@nestjs/common';
import { ActionsModule } from '@app/tracking';
import { ActionsController } from './actions.controller';
import { ReviewsController } from './reviews.controller';

@Module({
  imports: [ActionsModule],
  controllers: [ActionsController, ReviewsController],
})
export class ActionsHttpModule {}
