import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { LeaderLoop } from '../timers/leader-loop';
import type { AttachmentStore, Expired } from './attachment-store';

export type AttachmentExpiryOptions = Readonly<{ run: boolean; intervalMs: number; maxAgeMs: number }>;

/**
 * SPEC §4.6: an upload not attached within UNATTACHED_UPLOAD_MAX_AGE_MS (24 h) is deleted, and its
 * blobs once nothing uses them; never one that a stored event names (see AttachmentStore.expire). One instance does it (the leader lock), every TIMERS_INTERVAL_MS.
 */
export class AttachmentExpiry implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('attachment-expiry');
  private readonly loop: LeaderLoop<Expired>;

  constructor(
    private readonly attachments: AttachmentStore,
    dataSource: DataSource,
    private readonly options: AttachmentExpiryOptions,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.loop = new LeaderLoop(dataSource, 'attachment-expiry', options.intervalMs, () => this.sweep());
  }

  onApplicationBootstrap(): void {
    if (this.options.run) this.loop.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** One sweep if this instance leads; what it deleted. */
  async runOnce(): Promise<Expired> {
    return (await this.loop.runOnce()) ?? { attachments: 0, blobs: 0, reattached: 0 };
  }

  private async sweep(): Promise<Expired> {
    const expired = await this.attachments.expire(new Date(this.clock().getTime() - this.options.maxAgeMs));
    if (expired.attachments) this.log.log(`deleted ${expired.attachments} unattached uploads and ${expired.blobs} blobs`);
    // Not an error to raise: the photos are kept and shown. But a lost commit is worth knowing about.
    if (expired.reattached) this.log.warn(`marked ${expired.reattached} uploads attached that an event names but their rows did not`);
    return expired;
  }
}
