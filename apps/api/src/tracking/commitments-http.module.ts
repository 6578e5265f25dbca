import { Module } from '@nestjs/common';
import { CommitmentsModule } from '@app/tracking';

@Module({
  imports: [CommitmentsModule],
  controllers: [],
})
export class CommitmentsHttpModule {}
