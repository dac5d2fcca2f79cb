import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ImportJobDto, ImportReportDto } from '@skillgrid/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../../../testing/fetch-stub';
import { renderWithProviders } from '../../../testing/render';
import { ImportPanel } from './import-panel';

afterEach(() => {
  vi.unstubAllGlobals();
});

const report = (overrides: Partial<ImportReportDto> = {}): ImportReportDto => ({
  entity: 'completions',
  format: 'Skillgrid',
  dryRun: true,
  rows: 3,
  created: 2,
  updated: 0,
  unchanged: 1,
  errors: [],
  errorCount: 0,
  fileSha256: 'a'.repeat(64),
  jobId: 'job-1',
  ...overrides,
});

function chooseFile(container: HTMLElement, name = 'completions.csv') {
  const input = container.querySelector('input[type="file"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File(['employee_email\n'], name, { type: 'text/csv' })] } });
}

describe(ImportPanel.name, () => {
  it('links the template of the chosen entity', () => {
    stubFetch([]);
    renderWithProviders(<ImportPanel entities={['completions']} />);
    expect(screen.getByRole('link', { name: 'Download the template' }).getAttribute('href')).toBe(
      '/api/imports/templates/completions.csv',
    );
  });

  it('shows every bad row of a dry run with its line, column and reason, and offers no import', async () => {
    const { calls } = stubFetch([
      {
        method: 'POST',
        path: '/api/imports/completions',
        body: report({
          created: 1,
          errorCount: 2,
          errors: [
            { line: 3, field: 'employee_email', message: 'no employee has the e-mail "x@y.z"' },
            { line: 5, field: 'awarded_at', message: '"31/02/2025" is not a date (use YYYY-MM-DD)' },
          ],
        }),
      },
    ]);
    const { container } = renderWithProviders(<ImportPanel entities={['completions']} />);
    chooseFile(container);
    fireEvent.click(screen.getByRole('button', { name: 'Check file' }));

    const table = await screen.findByRole('table');
    const rows = within(table)
      .getAllByRole('row')
      .map((row) =>
        within(row)
          .getAllByRole(row.querySelector('th') ? 'columnheader' : 'cell')
          .map((c) => c.textContent),
      );
    expect(rows).toEqual([
      ['Line', 'Column', 'Reason'],
      ['3', 'employee_email', 'no employee has the e-mail "x@y.z"'],
      ['5', 'awarded_at', '"31/02/2025" is not a date (use YYYY-MM-DD)'],
    ]);
    expect(screen.getByText('2 problem(s) found')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
    expect(calls[0].url.searchParams.get('dryRun')).toBe('true');
  });

  it('imports a clean file after its dry run and shows the counts', async () => {
    const { calls } = stubFetch([
      {
        method: 'POST',
        path: '/api/imports/completions',
        reply: (url) => report({ dryRun: url.searchParams.get('dryRun') === 'true' }),
      },
    ]);
    const { container } = renderWithProviders(<ImportPanel entities={['completions']} />);
    chooseFile(container);
    fireEvent.click(screen.getByRole('button', { name: 'Check file' }));
    expect(await screen.findByText('The file is ready to import')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'To create' })).getByText('2')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Import 3 row(s)' }));
    expect(await screen.findByText('Imported')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Created' })).getByText('2')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Unchanged' })).getByText('1')).toBeTruthy();
    expect(calls.map((call) => call.url.searchParams.get('dryRun'))).toEqual(['true', 'false']);
  });

  it('follows a large file’s job with a progress bar until its report arrives', async () => {
    const running: ImportJobDto = {
      id: 'job-9',
      entity: 'completions',
      status: 'running',
      phase: 'writing',
      dryRun: true,
      fileName: 'big.csv',
      rowsRead: 60_000,
      rowsDone: 30_000,
      rowsTotal: 60_000,
      createdAt: '2026-01-01T10:00:00.000Z',
      finishedAt: null,
      report: null,
    };
    let polls = 0;
    stubFetch([
      { method: 'POST', path: '/api/imports/completions', status: 202, body: { ...running, phase: 'reading', rowsTotal: null } },
      {
        path: '/api/imports/jobs/job-9',
        reply: () =>
          ++polls < 2
            ? running
            : {
                ...running,
                status: 'succeeded',
                phase: 'done',
                finishedAt: '2026-01-01T10:01:00.000Z',
                report: report({ rows: 60_000 }),
              },
      },
    ]);
    const { container } = renderWithProviders(<ImportPanel entities={['completions']} />);
    chooseFile(container, 'big.csv');
    fireEvent.click(screen.getByRole('button', { name: 'Check file' }));

    expect(await screen.findByText('Saving — 30,000 of 60,000 rows')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Import progress' }).getAttribute('aria-valuenow')).toBe('50');
    await waitFor(() => expect(screen.getByText('The file is ready to import')).toBeTruthy(), { timeout: 4000 });
    expect(screen.getByRole('button', { name: 'Import 60,000 row(s)' })).toBeTruthy();
  });
});
