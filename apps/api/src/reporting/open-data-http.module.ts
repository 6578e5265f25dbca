import { Module } from '@nestjs/common';
import { OpenDataModule } from '@app/reporting';
import { OpenDataController } from './open-data.controller';

/** HTTP route of the open data export. */
@Module({
  imports: [OpenDataModule],
  controllers: [OpenDataController],
})
export class OpenDataHttpModule {}
