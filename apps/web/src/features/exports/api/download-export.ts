import type { DownloadProgress, ExportDownload, ExportFormat } from '../../../components/ui/export-menu';
import { ApiError, errorFromResponse, NETWORK_ERROR, toQueryString, type QueryParams } from '../../../lib/api-client';
import { env } from '../../../lib/env';

export type ExportView = 'heatmap' | 'gaps' | 'forecast';

/** The name the server gave the attachment (RFC 6266, UTF-8 form first), else a fallback. */
export function attachmentName(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // A malformed encoding: try the plain form.
    }
  }
  const plain = /filename\s*=\s*"([^"]+)"|filename\s*=\s*([^;]+)/i.exec(header);
  return (plain?.[1] ?? plain?.[2])?.trim() || fallback;
}

/** Reads a response body chunk by chunk, reporting the bytes received. */
async function readWithProgress(response: Response, onProgress: (progress: DownloadProgress) => void): Promise<Blob> {
  const length = Number(response.headers.get('Content-Length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const type = response.headers.get('Content-Type') ?? 'application/octet-stream';
  if (!response.body) return new Blob([await response.arrayBuffer()], { type });
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError({ statusCode: 0, code: 'DOWNLOAD_INTERRUPTED', message: 'The download was cut short. Try again.' });
    }
    const { done, value } = chunk;
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress({ received, total });
  }
  return new Blob(chunks as BlobPart[], { type });
}

/** Hands a file to the browser as a download. */
function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers start reading the URL only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** GET /exports/{view}.{format} with the view's filters, saved as the file the server names. */
export async function downloadExport(
  view: ExportView,
  format: ExportFormat,
  query: QueryParams,
  onProgress: (progress: DownloadProgress) => void,
  signal?: AbortSignal,
): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${env.apiBaseUrl}/exports/${view}.${format}${toQueryString(query)}`, {
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({
      statusCode: 0,
      code: NETWORK_ERROR,
      message: 'Cannot reach Skillgrid. Check your connection and try again.',
    });
  }
  if (!response.ok) throw await errorFromResponse(response);
  const blob = await readWithProgress(response, onProgress);
  const fileName = attachmentName(response.headers.get('Content-Disposition'), `skillgrid-${view}.${format}`);
  save(blob, fileName);
  return fileName;
}

/** The ExportMenu's download for one view and its current filters. */
export function exportDownload(view: ExportView, query: QueryParams): ExportDownload {
  return (format, onProgress, signal) => downloadExport(view, format, query, onProgress, signal);
}
