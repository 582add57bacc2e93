import type { MigrationClass } from '../engine/classes';
import { Webhooks1764300094000 } from './1764300094000-webhooks';
import { WebhookFailedIndex1764300140000 } from './1764300140000-webhook-failed-index';
import { WebhookPendingOrder1764300170000 } from './1764300170000-webhook-pending-order';
import { WebhookTraceParent1764300180000 } from './1764300180000-webhook-trace-parent';
import { WebhooksProjection } from './webhooks.projection';

export const WEBHOOK_MIGRATIONS: MigrationClass[] = [
  Webhooks1764300094000,
  WebhookFailedIndex1764300140000,
  WebhookPendingOrder1764300170000,
  WebhookTraceParent1764300180000,
];
export const createWebhookProjections = () => [new WebhooksProjection()];
export { WebhooksProjection, WEBHOOK_QUEUE_CHANNEL } from './webhooks.projection';
export * from './webhook-payload';
export * from './webhook.queries';
