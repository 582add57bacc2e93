import type { EntityClass, MigrationClass } from '@jinlin/projections';
import { Attachments1764300050000 } from './attachments/1764300050000-attachments';
import { AttachmentLogBound1764300150100 } from './attachments/1764300150100-attachment-log-bound';
import { Open3111764300100000 } from './open311/1764300100000-open311';
import { PersonalData1764300021000 } from './people/personal-data/1764300021000-personal-data';
import { PersonalDataRow } from './people/personal-data/personal-data.entity';
import { WebhookSecrets1764300094100 } from './webhooks/1764300094100-webhook-secrets';
import { WebhookUrls1764300160000 } from './webhooks/1764300160000-webhook-urls';
import { EVENT_STORE_MIGRATIONS } from '@jinlin/event-store';
import {
  PROJECTION_ENGINE_MIGRATIONS,
  READ_MODEL_ENTITIES as ENTITIES,
  READ_MODEL_MIGRATIONS,
  NOTIFICATION_MIGRATIONS,
  createNotificationProjections,
  createReadModelProjections,
  createWebhookProjections,
  type Projection,
} from '@jinlin/projections';

/** Every table the service owns comes from these migrations, in this order. */
export const ALL_MIGRATIONS: MigrationClass[] = [
  ...EVENT_STORE_MIGRATIONS,
  ...PROJECTION_ENGINE_MIGRATIONS,
  ...READ_MODEL_MIGRATIONS,
  PersonalData1764300021000,
  Attachments1764300050000,
  ...NOTIFICATION_MIGRATIONS,
  WebhookSecrets1764300094100,
  Open3111764300100000,
  AttachmentLogBound1764300150100,
  WebhookUrls1764300160000,
];

export const READ_MODEL_ENTITIES: EntityClass[] = [...ENTITIES, PersonalDataRow];

export function createProjections(): Projection[] {
  return [...createReadModelProjections(), ...createNotificationProjections(), ...createWebhookProjections()];
}
