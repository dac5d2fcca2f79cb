import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { catchError, type Observable } from 'rxjs';

const ROOT = join(tmpdir(), 'skillgrid-imports');

/** This process's folder for uploads (one per process, so a crashed server's leftovers can be told apart). */
export function uploadDirectory(pid = process.pid): string {
  return join(ROOT, String(pid));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Creates this process's upload folder, emptied of what an earlier process of the same id left,
 * and removes the folders of processes that have stopped (uploads a crash left behind).
 */
export function prepareUploadDirectory(): string {
  const own = uploadDirectory();
  mkdirSync(ROOT, { recursive: true });
  for (const name of readdirSync(ROOT)) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    if (pid === process.pid || !alive(pid)) rmSync(join(ROOT, name), { recursive: true, force: true });
  }
  mkdirSync(own, { recursive: true });
  return own;
}

/**
 * Deletes the request's uploaded files when anything after multer refuses the request — a bad
 * query string (the validation pipe), an unknown entity, a failure before the pipeline takes the
 * file over — so no path leaves an upload in the temporary folder. Place it after the multer
 * interceptor.
 */
@Injectable()
export class DeleteUploadsOnError implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    return next.handle().pipe(
      catchError(async (error: unknown) => {
        await deleteUploads(request);
        throw error;
      }),
    );
  }
}

export async function deleteUploads(request: Request): Promise<void> {
  const files = [
    ...(request.file ? [request.file] : []),
    ...(Array.isArray(request.files) ? request.files : Object.values(request.files ?? {}).flat()),
  ];
  await Promise.all(files.map((file) => rm(file.path, { force: true }).catch(() => undefined)));
}
