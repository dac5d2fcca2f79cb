import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { OrganisationService } from '../../organisation/organisation.service';
import { MAX_BACKGROUND_SHARE, TrendSnapshotsService } from './trend-snapshots.service';
import { refreshTrendSnapshots, type RefreshResult } from './trend-snapshots.sql';

jest.mock('./trend-snapshots.sql', () => ({ refreshTrendSnapshots: jest.fn() }));

describe(TrendSnapshotsService.name, () => {
  const refresh = jest.mocked(refreshTrendSnapshots);
  let now = 1_000_000;
  /** A refresh that takes `ms` and writes `months`. */
  const refreshTaking = (ms: number, months: string[]) =>
    refresh.mockImplementation(async (): Promise<RefreshResult> => {
      now += ms;
      return { months, employees: 100, rows: months.length * 10 };
    });
  let sut: TrendSnapshotsService;

  beforeEach(() => {
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    refresh.mockReset();
    const noImportRunning = { query: async () => [{ n: 0 }] } as unknown as DataSource;
    sut = new TrendSnapshotsService(noImportRunning, { today: async () => '2026-12-07' } as unknown as OrganisationService);
  });
  afterEach(() => jest.restoreAllMocks());

  it('starts the next background refresh only once (1 / share - 1) times the last one’s length has passed', async () => {
    refreshTaking(2_000, ['2026-11-30']);
    await expect(sut.backgroundCheck()).resolves.toMatchObject({ months: ['2026-11-30'] });
    const wait = 2_000 * (1 / MAX_BACKGROUND_SHARE - 1);
    expect(wait).toBe(58_000);
    now += wait - 1;
    await expect(sut.backgroundCheck()).resolves.toBeNull();
    expect(refresh).toHaveBeenCalledTimes(1);
    now += 1;
    await expect(sut.backgroundCheck()).resolves.toMatchObject({ months: ['2026-11-30'] });
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('holds nothing back after a look that wrote nothing, and never holds back an explicit refresh', async () => {
    refreshTaking(2_000, []);
    await sut.backgroundCheck();
    await sut.backgroundCheck();
    expect(refresh).toHaveBeenCalledTimes(2);
    refreshTaking(2_000, ['2026-11-30']);
    await sut.backgroundCheck();
    await expect(sut.refresh()).resolves.toMatchObject({ months: ['2026-11-30'] });
    expect(refresh).toHaveBeenCalledTimes(4);
  });

  it('logs a failed refresh and answers null', async () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    refresh.mockRejectedValue(new Error('database gone'));
    await expect(sut.backgroundCheck()).resolves.toBeNull();
    expect(error).toHaveBeenCalledWith('Could not write the trend snapshots: Error: database gone');
  });
});
