import { Module } from '@nestjs/common';
import { ProgrammesModule } from '@app/identity';
import { TrackingModule } from '@app/tracking';
import { ImportApplier } from './applying/import-applier';
import { ImportRunsRepository } from './import-runs.repository';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';
import { ImportPlanner } from './planning/import-planner';

/** Spreadsheet imports and the import workbook (issue 19). */
@Module({
  imports: [ProgrammesModule, TrackingModule],
  providers: [
    ImportsRepository,
    ImportRunsRepository,
    ImportsService,
    ImportPlanner,
    ImportApplier,
  ],
  exports: [ImportsService, ImportPlanner, ImportApplier],
})
export class ImportsModule {}
