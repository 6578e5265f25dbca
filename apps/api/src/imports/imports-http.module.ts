import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, type AppConfig } from '@app/core';
import { ImportsModule } from '@app/imports';
import { ImportsController } from './imports.controller';

/** HTTP routes of spreadsheet imports and the import workbook. */
@Module({
  imports: [
    ImportsModule,
    // In memory, and never more than IMPORT_MAX_BYTES (413 above it): the file is stored in
    // PostgreSQL as it is. One file, and a few small fields, per request.
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // Browsers send a file name in UTF-8 without saying so; busboy's default, latin1, made
        // `acties-ë.xlsx` into `acties-Ã«.xlsx`.
        defParamCharset: 'utf8',
        limits: {
          fileSize: config.imports.maxBytes,
          files: 1,
          fields: 4,
          fieldSize: 1024,
          parts: 6,
        },
      }),
    }),
  ],
  controllers: [ImportsController],
})
export class ImportsHttpModule {}
