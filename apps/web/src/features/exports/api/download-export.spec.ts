import { afterEach, describe, expect, it, vi } from 'vitest';
import { isApiError } from '../../../lib/api-client';
import { attachmentName, downloadExport } from './download-export';

function streamOf(parts: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(encoder.encode(part));
      controller.close();
    },
  });
}

describe(downloadExport.name, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks for the view with its filters, reports the bytes and saves under the server’s name', async () => {
    const fetchMock = vi.fn(
      async () =>
        new Response(streamOf(['\uFEFFTeam,Skill\r\n', 'Ops,SQL\r\n']), {
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': `attachment; filename="x.csv"; filename*=UTF-8''skillgrid-heatmap-%C3%A9quipe-2026-12-01.csv`,
          },
        }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const createObjectURL = vi.fn(() => 'blob:export');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const progress = vi.fn();

    const name = await downloadExport('heatmap', 'csv', { groupBy: 'team', teamId: 4, kind: undefined }, progress);

    expect(fetchMock).toHaveBeenCalledWith(
      '/api/exports/heatmap.csv?groupBy=team&teamId=4',
      expect.objectContaining({ credentials: 'same-origin' }),
    );
    expect(name).toBe('skillgrid-heatmap-équipe-2026-12-01.csv');
    expect(progress).toHaveBeenLastCalledWith({ received: expect.any(Number), total: null });
    expect(progress.mock.calls.length).toBeGreaterThanOrEqual(1);
    expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
    expect(click).toHaveBeenCalledTimes(1);
  });

  it('rejects with the API’s error for a refused export', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ statusCode: 404, code: 'TEAM_NOT_FOUND', message: 'Team 9 not found' }), {
            status: 404,
            headers: { 'Content-Type': 'application/json' },
          }),
      ),
    );
    const failure = await downloadExport('gaps', 'pdf', { teamId: 9 }, vi.fn()).catch((error: unknown) => error);
    expect(isApiError(failure) && failure.status === 404 && failure.message === 'Team 9 not found').toBe(true);
  });

  it('reads RFC 6266 file names', () => {
    expect(attachmentName('attachment; filename="a b.pdf"', 'f')).toBe('a b.pdf');
    expect(attachmentName("attachment; filename*=UTF-8''%E2%82%AC.xlsx", 'f')).toBe('€.xlsx');
    expect(attachmentName(null, 'fallback.csv')).toBe('fallback.csv');
  });
});
