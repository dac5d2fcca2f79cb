import { addDays, todayInTimeZone, type AssignmentDto, type CompletionDto } from '@skillgrid/shared';
import { createTestApp, signInPersonas, type Agent, type TestApp } from './support/test-app';
import { seedFixture, type Fixture } from './support/fixture';
import { testDialect } from './support/test-database';
import { utcNow } from '../src/database/column-types';
import { Assignment } from '../src/modules/assignments/assignment.entity';
import { ForecastData } from '../src/modules/forecasts/forecast-data';
import {
  completionCountsFromProgress,
  rebuildAssignmentProgress,
  refreshAssignmentProgress,
} from '../src/modules/forecasts/assignment-progress.sql';

type ProgressRow = { a: number; c: number; e: number; due: string; done: number; all: number };

const today = todayInTimeZone('UTC');
const yesterday = addDays(today, -1);

/**
 * assignment_progress is kept on every write of assignments, clusters and completions: after each
 * step the table is what a rebuild from scratch gives, holds the rows expected by hand, and the
 * completion counts read from it are those ForecastData computes from completions.
 */
describe(`assignment_progress (${testDialect()})`, () => {
  let sut: TestApp;
  let fx: Fixture;
  let hr: Agent;
  const ids = {} as Record<string, number>;

  const created = async (path: string, body: object) => {
    const response = await hr.post(path).send(body);
    if (response.status !== 201) throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const assign = async (body: object) => (await created('/api/assignments', body)).items as AssignmentDto[];
  const record = async (employeeId: number, credentialId: number, awardedAt: string) =>
    ((await created('/api/completions', { employeeId, credentialId, awardedAt })) as CompletionDto).id;

  const read = async (runner: { query(sql: string): Promise<unknown> }): Promise<ProgressRow[]> =>
    (
      (await runner.query(
        'SELECT assignment_id AS a, credential_id AS c, employee_id AS e, due_date AS due, done, all_done AS allDone ' +
          'FROM assignment_progress ORDER BY assignment_id, credential_id',
      )) as Array<Record<string, string | number>>
    ).map((row) => ({
      a: Number(row.a),
      c: Number(row.c),
      e: Number(row.e),
      due: String(row.due).slice(0, 10),
      done: Number(row.done),
      all: Number(row.allDone),
    }));

  /** What a rebuild from scratch gives, in a transaction rolled back so the kept table stays as it is. */
  const rebuilt = async (): Promise<ProgressRow[]> => {
    const runner = sut.dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      await rebuildAssignmentProgress(runner);
      return await read(runner);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  };

  /** The kept table equals a rebuild and the expected rows; the completion counts agree with ForecastData's. */
  const expectProgress = async (expected: ProgressRow[]) => {
    const kept = await read(sut.dataSource);
    expect(kept).toEqual(await rebuilt());
    expect(kept).toEqual([...expected, ...past].sort((x, y) => x.a - y.a || x.c - y.c));
    const data = new ForecastData(sut.dataSource, testDialect());
    for (const asOf of [today, addDays(today, 400)]) {
      // A "today" after asOf makes ForecastData read the completions themselves, not this table.
      const fromCompletions = await data.completionCounts(asOf, addDays(asOf, 1));
      await expect(completionCountsFromProgress(sut.dataSource, asOf)).resolves.toEqual(fromCompletions);
    }
  };

  const row = (a: number, c: number, e: number, due: string, done: number, all: number): ProgressRow => ({
    a,
    c,
    e,
    due,
    done,
    all,
  });

  beforeAll(async () => {
    sut = await createTestApp();
    fx = await seedFixture(sut.dataSource);
    ({ hr } = await signInPersonas(sut.http));
    ids.cluster = (
      await created('/api/clusters', {
        name: 'Warehouse starter',
        purpose: 'role',
        credentialIds: [fx.credentials.forkliftLicence.id, fx.credentials.teamworkBadge.id],
      })
    ).id;
  });
  afterAll(() => sut.close());

  // Expected rows, kept up to date as the steps go.
  let ann: { forklift: ProgressRow; teamwork: ProgressRow };
  let ned: ProgressRow[];
  let finn: ProgressRow;
  /** Past-due assignments written directly, which no step below changes. */
  let past: ProgressRow[] = [];

  it('gives a new cluster assignment a row per credential and a single-credential assignment one row', async () => {
    const due = addDays(today, 30);
    const [annA, nedA] = await assign({
      employeeIds: [fx.people.ann.id, fx.people.ned.id],
      clusterId: ids.cluster,
      dueDate: due,
    });
    const [finnA] = await assign({ employeeIds: [fx.people.finn.id], credentialId: fx.credentials.sqlBasics.id, dueDate: due });
    Object.assign(ids, { ann: annA.id, ned: nedA.id, finn: finnA.id });
    const { forkliftLicence, teamworkBadge, sqlBasics } = fx.credentials;
    ann = {
      forklift: row(annA.id, forkliftLicence.id, fx.people.ann.id, due, 0, 0),
      teamwork: row(annA.id, teamworkBadge.id, fx.people.ann.id, due, 0, 0),
    };
    ned = [
      row(nedA.id, forkliftLicence.id, fx.people.ned.id, due, 0, 0),
      row(nedA.id, teamworkBadge.id, fx.people.ned.id, due, 0, 0),
    ];
    // Finn's SQL Basics of 2025 was awarded before the assignment: not done.
    finn = row(finnA.id, sqlBasics.id, fx.people.finn.id, due, 0, 0);
    await expectProgress([ann.forklift, ann.teamwork, ...ned, finn]);
  });

  it('counts past-due assignments written outside the API once refreshed by employee', async () => {
    // Written directly (the API only takes due dates from today on); refreshed as a bulk writer would.
    const pastDue = { assignedByUserId: null, assignedAt: '2025-01-01', dueDate: '2025-06-01', note: null, cancelledAt: null };
    const now = utcNow();
    const credentialId = fx.credentials.forkliftLicence.id;
    const ada = await sut.dataSource.manager.insert(Assignment, {
      ...pastDue,
      employeeId: fx.people.ada.id,
      clusterId: null,
      credentialId,
      createdAt: now,
    });
    const wes = await sut.dataSource.manager.insert(Assignment, {
      ...pastDue,
      employeeId: fx.people.wes.id,
      clusterId: null,
      credentialId,
      createdAt: now,
    });
    await refreshAssignmentProgress(sut.dataSource, testDialect(), { employeeIds: [fx.people.ada.id, fx.people.wes.id] });
    // Ada's licence of 2024 predates the assignment; Wes's, two months ago, does not.
    const adaRow = row(ada.identifiers[0].id as number, credentialId, fx.people.ada.id, '2025-06-01', 0, 0);
    const wesRow = row(wes.identifiers[0].id as number, credentialId, fx.people.wes.id, '2025-06-01', 1, 1);
    past = [adaRow, wesRow];
    await expectProgress([ann.forklift, ann.teamwork, ...ned, finn]);
    await expect(completionCountsFromProgress(sut.dataSource, today)).resolves.toEqual(
      new Map([[credentialId, { events: 1, total: 2 }]]),
    );
  });

  // The completion steps rely on the completion writer (queueCompletionWrite) refreshing the table.
  it('marks a credential done by a completion awarded on or after the assigned date only', async () => {
    await record(fx.people.ann.id, fx.credentials.forkliftLicence.id, yesterday);
    await expectProgress([ann.forklift, ann.teamwork, ...ned, finn]);

    await record(fx.people.ann.id, fx.credentials.forkliftLicence.id, today);
    ann.forklift = { ...ann.forklift, done: 1 };
    await expectProgress([ann.forklift, ann.teamwork, ...ned, finn]);

    ids.annTeamwork = await record(fx.people.ann.id, fx.credentials.teamworkBadge.id, today);
    ann = { forklift: { ...ann.forklift, all: 1 }, teamwork: { ...ann.teamwork, done: 1, all: 1 } };
    await record(fx.people.finn.id, fx.credentials.sqlBasics.id, today);
    finn = { ...finn, done: 1, all: 1 };
    await expectProgress([ann.forklift, ann.teamwork, ...ned, finn]);
  });

  it('undoes a credential when its completion is revoked', async () => {
    await hr.delete(`/api/completions/${ids.annTeamwork}?reason=${encodeURIComponent('issued in error')}`).expect(200);
    ann = { forklift: { ...ann.forklift, all: 0 }, teamwork: { ...ann.teamwork, done: 0, all: 0 } };
    await expectProgress([ann.forklift, ann.teamwork, ...ned, finn]);
  });

  it('drops a cancelled assignment’s rows and moves an extended one’s due date', async () => {
    await hr.delete(`/api/assignments/${ids.ned}`).expect(200);
    ned = [];
    const later = addDays(today, 90);
    await hr.patch(`/api/assignments/${ids.ann}`).send({ dueDate: later }).expect(200);
    ann = { forklift: { ...ann.forklift, due: later }, teamwork: { ...ann.teamwork, due: later } };
    await expectProgress([ann.forklift, ann.teamwork, ...ned, finn]);
  });

  it('follows a change of the cluster’s credentials', async () => {
    const { forkliftLicence, sqlBasics } = fx.credentials;
    await hr
      .patch(`/api/clusters/${ids.cluster}`)
      .send({ credentialIds: [forkliftLicence.id, sqlBasics.id] })
      .expect(200);
    // Teamwork leaves; SQL Basics joins, not done by Ann: Forklift alone is done.
    const annSql = row(ids.ann, sqlBasics.id, fx.people.ann.id, ann.forklift.due, 0, 0);
    await expectProgress([{ ...ann.forklift, all: 0 }, annSql, ...ned, finn]);

    await hr
      .patch(`/api/clusters/${ids.cluster}`)
      .send({ credentialIds: [forkliftLicence.id] })
      .expect(200);
    await expectProgress([{ ...ann.forklift, all: 1 }, ...ned, finn]);
  });
});
