import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, type AppConfig } from '@app/core';
import { TrackingModule } from '@app/tracking';
import { AttachmentsController } from './attachments.controller';

/** HTTP routes of evidence attachments. */
@Module({
  imports: [
    TrackingModule,
    // In memory, and never more than ATTACHMENT_MAX_BYTES (413 above it): hashed, its kind
    // read from its bytes, then written to the file storage.
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        defParamCharset: 'utf8',
        limits: {
          fileSize: config.attachments.maxBytes,
          files: 1,
          fields: 2,
          fieldSize: 2048,
          parts: 4,
        },
      }),
    }),
  ],
  controllers: [AttachmentsController],
})
export class AttachmentsHttpModule {}
