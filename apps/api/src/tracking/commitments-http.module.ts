import { Module } from '@nestjs/common';
import { CommitmentsModule } from '@app/tracking';
import { CommitmentsController } from './commitments.controller';

@Module({
  imports: [CommitmentsModule],
  controllers: [CommitmentsController],
})
export class CommitmentsHttpModule {}
