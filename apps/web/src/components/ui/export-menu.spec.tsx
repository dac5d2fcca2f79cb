import { fireEvent, screen, waitFor } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../testing/render';
import { ExportMenu, type DownloadProgress, type ExportDownload } from './export-menu';

/** A download the test finishes by hand, after reporting progress. */
function controlledDownload() {
  let report: (progress: DownloadProgress) => void = () => undefined;
  let finish: (name: string) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  let signal: AbortSignal | null = null;
  const download = vi.fn<ExportDownload>(
    (_format, onProgress, abortSignal) =>
      new Promise<string>((resolve, reject) => {
        report = onProgress;
        finish = resolve;
        fail = reject;
        signal = abortSignal;
        abortSignal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      }),
  );
  return {
    download,
    report: (progress: DownloadProgress) => report(progress),
    finish: (name: string) => finish(name),
    fail: (error: Error) => fail(error),
    signal: () => signal,
  };
}

async function seriousViolations(): Promise<string[]> {
  const results = await axe.run(document.body, { resultTypes: ['violations'] });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.html.slice(0, 300) + ' ' + n.failureSummary).join(' | ')}`);
}

async function choose(name: RegExp) {
  fireEvent.click(screen.getByRole('button', { name: 'Export the heatmap' }));
  fireEvent.click(await screen.findByRole('menuitem', { name }));
}

describe(ExportMenu.name, () => {
  it('offers CSV, XLSX and PDF and is axe-clean, closed and open', async () => {
    renderWithProviders(<ExportMenu download={vi.fn()} subject="the heatmap" />);
    expect(await seriousViolations()).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Export the heatmap' }));
    const items = await screen.findAllByRole('menuitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining('CSV'),
      expect.stringContaining('Excel (XLSX)'),
      expect.stringContaining('PDF report'),
    ]);
    expect(await seriousViolations()).toEqual([]);
  });

  it('shows progress while the file streams, then confirms the file saved', async () => {
    const stub = controlledDownload();
    renderWithProviders(<ExportMenu download={stub.download} subject="the heatmap" />);

    await choose(/Excel \(XLSX\)/);
    expect(stub.download).toHaveBeenCalledWith('xlsx', expect.any(Function), expect.any(AbortSignal));
    const bar = await screen.findByRole('progressbar', { name: 'Exporting Excel (XLSX)' });
    expect(bar.getAttribute('aria-valuetext')).toBe('preparing…');
    expect(screen.queryByRole('button', { name: 'Export the heatmap' })).toBeNull();
    expect(await seriousViolations()).toEqual([]);

    stub.report({ received: 300 * 1024, total: null });
    await waitFor(() => expect(bar.getAttribute('aria-valuetext')).toBe('300 kB received'));
    stub.report({ received: 300, total: 1200 });
    await waitFor(() => expect(bar.getAttribute('aria-valuetext')).toBe('25%'));

    stub.finish('skillgrid-heatmap.xlsx');
    expect(await screen.findByText('Saved skillgrid-heatmap.xlsx.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export the heatmap' })).toBeTruthy();
  });

  it('says why an export failed, and comes back ready to retry', async () => {
    const stub = controlledDownload();
    renderWithProviders(<ExportMenu download={stub.download} subject="the heatmap" />);

    await choose(/PDF report/);
    stub.fail(new Error('Executives see month-end dates only'));
    expect(await screen.findByText('Could not export the PDF report')).toBeTruthy();
    expect(screen.getByText('Executives see month-end dates only')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export the heatmap' })).toBeTruthy();
  });

  it('cancels quietly', async () => {
    const stub = controlledDownload();
    renderWithProviders(<ExportMenu download={stub.download} subject="the heatmap" />);

    await choose(/CSV/);
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    await screen.findByRole('button', { name: 'Export the heatmap' });
    expect(stub.signal()?.aborted).toBe(true);
    expect(screen.queryByText(/Could not export/)).toBeNull();
  });
});
