import { Module } from '@nestjs/common';
import { TrackingModule } from '@app/tracking';
import { OpenDataService } from './open-data.service';

/** Open data: what a programme marks public, as JSON and CSV, for anyone. */
@Module({
  imports: [TrackingModule],
  providers: [OpenDataService],
  exports: [OpenDataService],
})
export class OpenDataModule {}
