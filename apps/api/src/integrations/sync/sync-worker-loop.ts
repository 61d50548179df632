// When the sync worker runs, in a process where it is enabled (SYNC_WORKER_ENABLED). It
// wakes on commit, not on a timer: every enqueue sends NOTIFY in its transaction, so the
// worker of every process sharing the database hears a committed job at once (PostgreSQL
// LISTEN; PGlite's in-process listen on the embedded database) and a rolled-back one never.
// It drains while there is due work, then sleeps until the next job falls due (a retry's
// backoff). The poll (SYNC_POLL_INTERVAL_MS) is only a safety net for a lost notification.
// Two-way pulls (inbound/calendar-puller.ts) run in the same drain: each two-way calendar is
// due every SYNC_PULL_INTERVAL_MS (or at once when a push notification came), and the loop
// sleeps until the earliest pull, job or watch channel to create / renew / stop (push/watch-keeper.ts).
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { CalendarPullRepository } from '../inbound/calendar-pull.repository';
import { CalendarPuller } from '../inbound/calendar-puller';
import { WatchChannelRepository } from '../push/watch-channel.repository';
import { WatchKeeper } from '../push/watch-keeper';
import { SyncJobRepository } from './sync-job.repository';
import { SyncWorker } from './sync-worker';

@Injectable()
export class SyncWorkerLoop implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SyncWorkerLoop.name);
  private poll?: NodeJS.Timeout;
  private due?: NodeJS.Timeout;
  private unlisten?: () => Promise<void>;
  private draining?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly worker: SyncWorker,
    private readonly jobs: SyncJobRepository,
    private readonly puller: CalendarPuller,
    private readonly pulls: CalendarPullRepository,
    private readonly keeper: WatchKeeper,
    private readonly watches: WatchChannelRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.env.SYNC_WORKER_ENABLED) return;
    this.unlisten = await this.jobs.listen(() => this.wake());
    this.poll = setInterval(() => this.wake(), this.config.env.SYNC_POLL_INTERVAL_MS).unref();
    this.wake();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poll);
    clearTimeout(this.due);
    await this.unlisten?.();
    await this.draining;
  }

  /** Coalesces wake-ups: one drain at a time, and one more if woken meanwhile. */
  private wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain()
      .catch((error: unknown) => this.logger.error(`sync run failed: ${(error as Error).message}`))
      .finally(() => {
        this.draining = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async drain(): Promise<void> {
    // Two-way pulls first: what they find (restores, accepted moves) becomes sync jobs drained next.
    while (!this.stopped && (await this.puller.runOnce()) + (await this.worker.runOnce()) + (await this.keeper.runOnce()) > 0);
    if (!this.stopped) await this.sleepUntilNextDue();
  }

  private async sleepUntilNextDue(): Promise<void> {
    clearTimeout(this.due);
    const dates = (await Promise.all([this.jobs.nextDueAt(), this.pulls.nextDueAt(), this.watches.nextDueAt()])).filter((d): d is Date => !!d);
    if (dates.length === 0) return;
    const next = new Date(Math.min(...dates.map((d) => d.getTime())));
    const delay = Math.max(0, next.getTime() - this.clock.now().getTime());
    if (delay < this.config.env.SYNC_POLL_INTERVAL_MS) this.due = setTimeout(() => this.wake(), delay).unref();
  }
}
