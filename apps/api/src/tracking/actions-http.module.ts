import { Module } from '@nestjs/common';
import { ActionsModule } from '@app/tracking';

@Module({
  imports: [ActionsModule],
  controllers: [],
})
export class ActionsHttpModule {}
