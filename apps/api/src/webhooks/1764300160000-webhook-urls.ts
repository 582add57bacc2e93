import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A group robot's URL is its access key (WeCom `?key=`, DingTalk `?access_token=`, Feishu's last
 * path segment), so since this change WebhookRegistered carries the URL masked and the full one is
 * kept here, beside the signing secret, deleted with it. Null for a webhook registered before:
 * its event holds the full URL, which the sender then uses (wh_webhooks.url).
 */
export class WebhookUrls1764300160000 implements MigrationInterface {
  name = 'WebhookUrls1764300160000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE wh_secrets ADD COLUMN url text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE wh_secrets DROP COLUMN url`);
  }
}
