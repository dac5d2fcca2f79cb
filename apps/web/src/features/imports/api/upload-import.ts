import type { ImportEntity, ImportJobDto, ImportReportDto } from '@skillgrid/shared';
import { useMutation } from '@tanstack/react-query';
import { ApiError, errorFromResponse, NETWORK_ERROR, toQueryString } from '../../../lib/api-client';
import { env } from '../../../lib/env';

export interface UploadImportInput {
  entity: ImportEntity;
  file: File;
  dryRun: boolean;
}

/** A finished import's report (422 included: a refused file is a report, not a failure), or the job of a large file. */
export type UploadImportResult = { kind: 'report'; report: ImportReportDto } | { kind: 'job'; job: ImportJobDto };

/**
 * POST /imports/:entity with the file as multipart form data. The shared client sends JSON only,
 * so this one request is made here, with the client's error type.
 */
export async function uploadImport({ entity, file, dryRun }: UploadImportInput): Promise<UploadImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(`${env.apiBaseUrl}/imports/${entity}${toQueryString({ dryRun })}`, {
      method: 'POST',
      body: form,
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError({
      statusCode: 0,
      code: NETWORK_ERROR,
      message: 'Cannot reach Skillgrid. Check your connection and try again.',
    });
  }
  if (response.status === 202) return { kind: 'job', job: (await response.json()) as ImportJobDto };
  if (response.ok || response.status === 422) {
    const body = (await response.clone().json()) as Partial<ImportReportDto>;
    if (typeof body.rows === 'number') return { kind: 'report', report: body as ImportReportDto };
  }
  throw await errorFromResponse(response);
}

export function useUploadImport() {
  return useMutation({ mutationFn: uploadImport });
}
