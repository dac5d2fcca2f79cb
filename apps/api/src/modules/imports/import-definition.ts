import type { EntityManager } from 'typeorm';
import type { ImportEntity, ImportRowError } from '@skillgrid/shared';
import type { SessionUser } from '../../common/auth/session-user';
import type { Dialect } from '../../database/sql';
import type { Layout } from './columns';

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** What apply found: the counts, and rows that clash with stored data (a real run then writes nothing). */
export interface ApplyResult extends ImportCounts {
  errors?: ImportRowError[];
}

export interface ImportContext {
  manager: EntityManager;
  dialect: Dialect;
  /** Today in the organisation's time zone. */
  today: string;
  user: SessionUser;
  jobId: string;
  /** Reports progress while writing (rows done). */
  progress(rowsDone: number): Promise<void>;
}

/** Collects the errors of one row; each names the column. */
export class RowErrors {
  readonly list: ImportRowError[] = [];
  constructor(readonly line: number) {}
  add(field: string, message: string): void {
    this.list.push({ line: this.line, field, message });
  }
  get ok(): boolean {
    return this.list.length === 0;
  }
}

/**
 * What the pipeline asks of one importable entity. `prepare` reads what validating needs (before
 * any write); `row` checks one record and returns what to write, or null with its errors added;
 * `apply` compares the good rows with the database and, when `write` is set, writes them inside
 * the import's transaction (a dry run only counts).
 */
export interface ImportDefinition<Row = unknown> {
  entity: ImportEntity;
  /** The first is the entity's own layout (the template's). */
  layouts: Layout[];
  /** An example data row of the template, in the order of the first layout's columns. */
  example: string[];
  prepare(context: Omit<ImportContext, 'progress' | 'jobId'>): Promise<RowChecker<Row>>;
}

/** The job's own connection (a staging table is the connection's). */
export interface StageContext {
  manager: EntityManager;
  dialect: Dialect;
  jobId: string;
}

export interface RowChecker<Row> {
  row(values: Record<string, string | undefined>, errors: RowErrors, layout: Layout): Row | null;
  /**
   * Compares the good rows with the database and, when `write` is set, writes them. A definition
   * with `stage` gets no rows here: they are in its staging table.
   */
  apply(rows: Row[], context: ImportContext, write: boolean): Promise<ApplyResult>;
  /**
   * Optional: takes the good rows in batches while the file is read, into a staging table of the
   * job's connection, so that a million-row file is not held in memory.
   */
  stage?(rows: Row[], context: StageContext): Promise<void>;
  /**
   * Optional: on the job's connection just before the real run's transaction begins, for what
   * cannot happen inside it (DDL commits a MySQL transaction).
   */
  beforeWrite?(context: StageContext): Promise<void>;
  /** Optional: on the job's connection once the real run has committed. */
  afterCommit?(context: StageContext): Promise<void>;
  /** Drops what `stage` made; called once at the end of the job, whatever happened. */
  release?(context: StageContext): Promise<void>;
}
