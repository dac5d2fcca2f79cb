import { screen, within } from '@testing-library/react';
import type { ImportJobDto, ImportReportDto } from '@skillgrid/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../../../testing/fetch-stub';
import { renderWithProviders } from '../../../testing/render';
import { ImportJobsList } from './import-jobs-list';

afterEach(() => {
  vi.unstubAllGlobals();
});

const done: ImportReportDto = {
  entity: 'completions',
  format: 'Skillgrid',
  dryRun: false,
  rows: 3,
  created: 2,
  updated: 0,
  unchanged: 1,
  errors: [],
  errorCount: 0,
  fileSha256: 'a'.repeat(64),
  jobId: 'job-1',
};

const job = (overrides: Partial<ImportJobDto>): ImportJobDto => ({
  id: 'job-1',
  entity: 'completions',
  status: 'succeeded',
  phase: 'done',
  dryRun: false,
  fileName: 'lms.csv',
  rowsRead: 3,
  rowsDone: 3,
  rowsTotal: 3,
  createdAt: '2026-11-30T10:00:00.000Z',
  finishedAt: '2026-11-30T10:00:05.000Z',
  report: done,
  ...overrides,
});

describe(ImportJobsList.name, () => {
  it('lists the recent imports, an interrupted one as failed with the reason', async () => {
    const interrupted = 'The server stopped while this import was running; nothing was written, run it again';
    stubFetch([
      {
        path: '/api/imports/jobs',
        body: {
          items: [
            job({
              id: 'job-2',
              status: 'failed',
              fileName: 'million.csv',
              rowsRead: 120000,
              report: {
                ...done,
                jobId: 'job-2',
                rows: 120000,
                created: 0,
                unchanged: 0,
                errorCount: 1,
                errors: [{ message: interrupted }],
              },
            }),
            job({}),
          ],
          total: 2,
          page: 1,
          pageSize: 10,
        },
      },
    ]);
    renderWithProviders(<ImportJobsList />);
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]).getByText('million.csv')).toBeTruthy();
    expect(within(rows[1]).getByText('Failed')).toBeTruthy();
    expect(within(rows[1]).getByText(interrupted)).toBeTruthy();
    expect(within(rows[2]).getByText('Done')).toBeTruthy();
    expect(within(rows[2]).getByText('2 created, 0 updated, 1 unchanged')).toBeTruthy();
  });

  it('says so when there are none yet', async () => {
    stubFetch([{ path: '/api/imports/jobs', body: { items: [], total: 0, page: 1, pageSize: 10 } }]);
    renderWithProviders(<ImportJobsList />);
    expect(await screen.findByText(/No imports yet/)).toBeTruthy();
  });
});
