import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, FILE_STORAGE, LocalFileStorage, S3FileStorage } from '@app/core';
import type { AppConfig, FileStorage } from '@app/core';
import { ActionsRepository } from '../actions/actions.repository';
import { CommitmentsRepository } from '../commitments/commitments.repository';
import { AttachmentEntity } from './attachment.entity';
import { AttachmentsRepository } from './attachments.repository';
import { AttachmentsService } from './attachments.service';

/** Evidence attachments of actions and commitments, their files in the file storage. */
@Module({
  imports: [TypeOrmModule.forFeature([AttachmentEntity])],
  providers: [
    {
      provide: FILE_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): FileStorage => {
        const storage = config.attachments.storage;
        return storage.kind === 's3'
          ? new S3FileStorage(storage)
          : new LocalFileStorage(storage.dir);
      },
    },
    AttachmentsRepository,
    AttachmentsService,
    ActionsRepository,
    CommitmentsRepository,
  ],
  exports: [AttachmentsService, AttachmentsRepository],
})
export class AttachmentsModule {}
