import type { MigrationClass } from '../engine/classes';
import type { Projection } from '../engine/projection';
import { Notifications1764300093000 } from './1764300093000-notifications';
import { NotificationsProjection } from './notifications.projection';

export * from './notification.queries';
export { NOTIFICATIONS_CHANNEL, NotificationsProjection } from './notifications.projection';

export const NOTIFICATION_MIGRATIONS: MigrationClass[] = [Notifications1764300093000];
export const createNotificationProjections = (): Projection[] => [new NotificationsProjection()];
