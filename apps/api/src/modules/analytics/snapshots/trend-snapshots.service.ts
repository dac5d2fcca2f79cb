import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrganisationService } from '../../organisation/organisation.service';
import { refreshTrendSnapshots, type RefreshResult } from './trend-snapshots.sql';

/** How often the server looks for month ends to snapshot and stale snapshots to rewrite. */
const CHECK_MS = 60_000;
/** The first look, shortly after start (not in the way of the first requests). */
const FIRST_CHECK_MS = 5_000;
/**
 * The largest share of the server's time background refreshes may take: after one that took d,
 * the next background one waits until (1 / share - 1)·d have passed. A refresh takes both cores'
 * worth of the API and the database while it reads (at 1,000,000 employees, about 35 s for the
 * last month end, which each backdated write makes stale): every minute, it would slow every
 * request for half the time. Meanwhile the trend computes stale month ends from completions, or
 * shows a large scope's snapshot marked stale.
 */
export const MAX_BACKGROUND_SHARE = 1 / 30;

/**
 * Writes the monthly snapshots (trend-snapshots.sql.ts) in the background: a month end once it
 * has passed, and again whenever a change reaches back before it. One refresh at a time per
 * server; two replicas refreshing at once write the same rows, each in one transaction. Not
 * while an import is running: on SQLite every transaction shares the import's connection.
 */
@Injectable()
export class TrendSnapshotsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('TrendSnapshots');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<RefreshResult | null> | null = null;
  /** When the next background refresh may start (MAX_BACKGROUND_SHARE). */
  private notBefore = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly organisation: OrganisationService,
  ) {}

  onApplicationBootstrap(): void {
    // The API tests drive refreshes themselves.
    if (process.env['NODE_ENV'] === 'test') return;
    const check = () => void this.backgroundCheck();
    this.timer = setTimeout(() => {
      check();
      this.timer = setInterval(check, CHECK_MS);
      this.timer.unref();
    }, FIRST_CHECK_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearTimeout(this.timer);
    clearInterval(this.timer);
  }

  /**
   * The timer's look: a refresh unless the last one ended too recently for its length
   * (MAX_BACKGROUND_SHARE); null when it skips, or when the refresh fails (logged).
   */
  async backgroundCheck(): Promise<RefreshResult | null> {
    if (Date.now() < this.notBefore) return null;
    return this.refresh().catch((error: unknown) => {
      this.logger.error(`Could not write the trend snapshots: ${String(error)}`);
      return null;
    });
  }

  /** Brings the snapshots up to date; null when an import is running (the next check will). */
  refresh(): Promise<RefreshResult | null> {
    if (!this.running)
      this.running = this.run().finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async run(): Promise<RefreshResult | null> {
    const [{ n }] = (await this.dataSource.query("SELECT COUNT(*) AS n FROM import_jobs WHERE status = 'running'")) as Array<{
      n: number | string;
    }>;
    if (Number(n) > 0) return null;
    const started = Date.now();
    const result = await refreshTrendSnapshots(this.dataSource, await this.organisation.today(), (work) =>
      this.dataSource.transaction((manager) => work(manager)),
    );
    const ended = Date.now();
    if (result.months.length) {
      this.notBefore = ended + (ended - started) * (1 / MAX_BACKGROUND_SHARE - 1);
      this.logger.log(
        `Wrote ${result.rows} snapshot rows for ${result.months.length} month ends (${result.employees} employees) in ${ended - started} ms`,
      );
    }
    return result;
  }
}
