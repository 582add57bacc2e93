import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.token';
import { ReadYourWrites } from '../http/read-your-writes';
import { AttachmentExpiry } from './attachment-expiry';
import { AttachmentStore } from './attachment-store';
import { BLOB_STORE, createBlobStore } from './blob-store';
import { GetAttachmentController } from './get-attachment/get-attachment.controller';
import { GetAttachmentHandler } from './get-attachment/get-attachment.handler';
import { TicketPhotos } from './ticket-photos';
import { UploadAttachmentController } from './upload-attachment/upload-attachment.controller';
import { UploadAttachmentHandler } from './upload-attachment/upload-attachment.handler';

/** SPEC §4.6 photos. Global: the ticket commands that take attachmentIds use TicketPhotos. */
@Global()
@Module({
  controllers: [UploadAttachmentController, GetAttachmentController],
  providers: [
    UploadAttachmentHandler,
    GetAttachmentHandler,
    AttachmentStore,
    TicketPhotos,
    ReadYourWrites,
    { provide: BLOB_STORE, inject: [DataSource, APP_CONFIG], useFactory: (db: DataSource, c: AppConfig) => createBlobStore(db, c.blobDir) },
    {
      provide: AttachmentExpiry,
      inject: [AttachmentStore, DataSource, APP_CONFIG],
      useFactory: (store: AttachmentStore, db: DataSource, c: AppConfig) =>
        new AttachmentExpiry(store, db, { ...c.timers, maxAgeMs: c.unattachedUploadMaxAgeMs }),
    },
  ],
  exports: [TicketPhotos, AttachmentStore, AttachmentExpiry],
})
export class AttachmentsModule {}
