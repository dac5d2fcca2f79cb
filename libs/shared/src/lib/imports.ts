/** Bulk imports (DESIGN §4, §6): what the API answers and the web shows. */

export const IMPORT_ENTITIES = [
  'completions',
  'employees',
  'teams',
  'roles',
  'skills',
  'credentials',
  'headcount-plans',
] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

export function isImportEntity(value: unknown): value is ImportEntity {
  return typeof value === 'string' && (IMPORT_ENTITIES as readonly string[]).includes(value);
}

/** One bad row (or the file itself when `line` is absent): line 1 is the header. */
export interface ImportRowError {
  line?: number;
  field?: string;
  message: string;
}

/** The answer of an import, a dry run, or a finished job. */
export interface ImportReportDto {
  entity: ImportEntity | 'esco' | 'onet';
  /** The file's layout as recognised from its header. */
  format: string;
  dryRun: boolean;
  /** Data rows read (the header not counted). */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportRowError[];
  /** The errors beyond the first 1,000 are counted, not listed. */
  errorCount: number;
  fileSha256: string;
  jobId: string;
  /** Taxonomy imports: the counts per kind of record (skills, roles, requirements). */
  details?: Record<string, { created: number; updated: number; unchanged: number }>;
}

export const TAXONOMIES = ['esco', 'onet'] as const;
export type Taxonomy = (typeof TAXONOMIES)[number];

export const IMPORT_JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

export const IMPORT_JOB_PHASES = ['queued', 'reading', 'validating', 'writing', 'done'] as const;
export type ImportJobPhase = (typeof IMPORT_JOB_PHASES)[number];

/** GET /imports/jobs/:id, and the 202 answer of a large or `async=true` import. */
export interface ImportJobDto {
  id: string;
  entity: string;
  status: ImportJobStatus;
  phase: ImportJobPhase;
  dryRun: boolean;
  fileName: string | null;
  rowsRead: number;
  /** Rows compared with the database (and written, unless a dry run) so far. */
  rowsDone: number;
  /** The data rows of the file when known (after reading), for a progress bar. */
  rowsTotal: number | null;
  createdAt: string;
  finishedAt: string | null;
  /** At the end: the same report a synchronous import answers. */
  report: ImportReportDto | null;
}

/** Files with more data rows than this answer 202 with a job (DESIGN §4). */
export const IMPORT_SYNC_ROW_LIMIT = 50_000;
