import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  addDays,
  addMonths,
  effectivenessFigures,
  type AssignmentOutcome,
  type EffectivenessDto,
  type IsoDate,
  type Page,
} from '@skillgrid/shared';
import { DomainError } from '../../common/errors/domain-error';
import { likePattern, pageWindow, toPage } from '../../common/http/pagination';
import { chunks, placeholders } from '../../database/sql';
import { OrganisationService } from '../organisation/organisation.service';
import { Credential } from '../credentials/credential.entity';
import { Cluster } from '../clusters/cluster.entity';
import { ClusterCredential } from '../clusters/cluster-credential.entity';
import type { EffectivenessListQuery, PeriodQuery } from './effectiveness.query';

interface Period {
  from: IsoDate;
  to: IsoDate;
}

const num = (value: unknown) => Number(value ?? 0);
const date = (value: unknown): IsoDate | null => (value === null || value === undefined ? null : String(value).slice(0, 10));

/**
 * Gap points closed by valid completions (DESIGN §3): for each completion and each skill its
 * credential grants that the employee's role at the award date requires at L,
 * max(0, min(granted, L) − the level held just before the award from other completions).
 */
const GAP_POINTS_SQL = (filter: string) => `
  SELECT g.credential_id AS credential_id, SUM(CASE WHEN g.reach > g.prior THEN g.reach - g.prior ELSE 0 END) AS points
  FROM (
    SELECT c.credential_id,
           CASE WHEN cs.level < rr.required_level THEN cs.level ELSE rr.required_level END AS reach,
           COALESCE((SELECT MAX(cs2.level) FROM completions c2
                     JOIN credential_skills cs2 ON cs2.credential_id = c2.credential_id
                     WHERE c2.employee_id = c.employee_id AND cs2.skill_id = cs.skill_id AND c2.status = 'valid'
                       AND c2.id <> c.id AND c2.awarded_at < c.awarded_at
                       AND (c2.expires_at IS NULL OR c2.expires_at > c.awarded_at)), 0) AS prior
    FROM completions c
    JOIN credential_skills cs ON cs.credential_id = c.credential_id
    JOIN employment_periods p ON p.employee_id = c.employee_id AND p.start_date <= c.awarded_at
                             AND (p.end_date IS NULL OR p.end_date > c.awarded_at)
    JOIN role_requirements rr ON rr.role_id = p.role_id AND rr.skill_id = cs.skill_id
    WHERE c.status = 'valid' AND ${filter}
  ) g
  GROUP BY g.credential_id`;

@Injectable()
export class EffectivenessService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisation: OrganisationService,
  ) {}

  private async period(query: PeriodQuery): Promise<Period> {
    const today = await this.organisation.today();
    const to = query.to ?? today;
    const from = query.from ?? addDays(addMonths(to, -12), 1);
    if (from > to) throw DomainError.invalid([{ field: 'from', message: `must be on or before to (${to})` }]);
    return { from, to };
  }

  /** Per credential: the assignments including it made in the period, with when it was completed. */
  private async credentialOutcomes(
    manager: EntityManager,
    ids: number[],
    period: Period,
  ): Promise<Map<number, AssignmentOutcome[]>> {
    const result = new Map<number, AssignmentOutcome[]>(ids.map((id) => [id, []]));
    const firstCompletion = (credentialColumn: string) =>
      `(SELECT MIN(c.awarded_at) FROM completions c WHERE c.employee_id = a.employee_id AND c.credential_id = ${credentialColumn}
        AND c.status = 'valid' AND c.awarded_at >= a.assigned_at)`;
    for (const part of chunks(ids, 500)) {
      const rows: Array<Record<string, unknown>> = await manager.query(
        `SELECT a.credential_id AS credential_id, a.assigned_at AS assigned_at, a.due_date AS due_date,
                ${firstCompletion('a.credential_id')} AS completed_at
         FROM assignments a
         WHERE a.cancelled_at IS NULL AND a.credential_id IN (${placeholders(part.length)}) AND a.assigned_at >= ? AND a.assigned_at <= ?
         UNION ALL
         SELECT cc.credential_id, a.assigned_at, a.due_date, ${firstCompletion('cc.credential_id')}
         FROM assignments a JOIN cluster_credentials cc ON cc.cluster_id = a.cluster_id
         WHERE a.cancelled_at IS NULL AND cc.credential_id IN (${placeholders(part.length)}) AND a.assigned_at >= ? AND a.assigned_at <= ?`,
        [...part, period.from, period.to, ...part, period.from, period.to],
      );
      for (const row of rows) {
        result.get(num(row.credential_id))?.push({
          assignedAt: date(row.assigned_at) as IsoDate,
          dueDate: date(row.due_date) as IsoDate,
          completedAt: date(row.completed_at),
        });
      }
    }
    return result;
  }

  private async credentialFigures(
    manager: EntityManager,
    credentials: Credential[],
    period: Period,
  ): Promise<EffectivenessDto[]> {
    const ids = credentials.map((c) => c.id);
    const today = await this.organisation.today();
    const outcomes = await this.credentialOutcomes(manager, ids, period);
    const counts = new Map<number, number>();
    const points = new Map<number, number>();
    for (const part of chunks(ids, 500)) {
      const filter = `c.credential_id IN (${placeholders(part.length)}) AND c.awarded_at >= ? AND c.awarded_at <= ?`;
      const params = [...part, period.from, period.to];
      for (const row of await manager.query(
        `SELECT c.credential_id AS credential_id, COUNT(*) AS n FROM completions c WHERE c.status = 'valid' AND ${filter} GROUP BY c.credential_id`,
        params,
      ))
        counts.set(num(row.credential_id), num(row.n));
      for (const row of await manager.query(GAP_POINTS_SQL(filter), params)) points.set(num(row.credential_id), num(row.points));
    }
    return credentials.map((c) => {
      const completions = counts.get(c.id) ?? 0;
      return {
        kind: 'credential',
        id: c.id,
        name: c.name,
        status: c.status,
        from: period.from,
        to: period.to,
        hours: c.hours,
        cost: c.cost,
        completions,
        ...effectivenessFigures(outcomes.get(c.id) ?? [], today, points.get(c.id) ?? 0, c.cost * completions),
      };
    });
  }

  /**
   * A cluster's figures: its assignments made in the period (completed when every credential
   * is), and the completions of its credentials in the period by people it was assigned to
   * (awarded on or after that assignment).
   */
  private async clusterFigures(manager: EntityManager, clusters: Cluster[], period: Period): Promise<EffectivenessDto[]> {
    const today = await this.organisation.today();
    const ids = clusters.map((c) => c.id);
    const items = ids.length
      ? await manager.find(ClusterCredential, { where: { clusterId: In(ids) }, relations: { credential: true } })
      : [];
    const results: EffectivenessDto[] = [];
    for (const cluster of clusters) {
      const own = items.filter((i) => i.clusterId === cluster.id);
      const rows: Array<Record<string, unknown>> = await manager.query(
        `SELECT a.id AS id, a.assigned_at AS assigned_at, a.due_date AS due_date, cc.credential_id AS credential_id,
                (SELECT MIN(c.awarded_at) FROM completions c WHERE c.employee_id = a.employee_id AND c.credential_id = cc.credential_id
                  AND c.status = 'valid' AND c.awarded_at >= a.assigned_at) AS completed_at
         FROM assignments a JOIN cluster_credentials cc ON cc.cluster_id = a.cluster_id
         WHERE a.cancelled_at IS NULL AND a.cluster_id = ? AND a.assigned_at >= ? AND a.assigned_at <= ?`,
        [cluster.id, period.from, period.to],
      );
      // An assignment of a cluster is completed when every credential of it is: on the last of those dates.
      const byAssignment = new Map<number, AssignmentOutcome & { open: boolean }>();
      for (const row of rows) {
        const id = num(row.id);
        const done = date(row.completed_at);
        const outcome = byAssignment.get(id) ?? {
          assignedAt: date(row.assigned_at) as IsoDate,
          dueDate: date(row.due_date) as IsoDate,
          completedAt: null,
          open: false,
        };
        if (done === null) outcome.open = true;
        else if (outcome.completedAt === null || done > outcome.completedAt) outcome.completedAt = done;
        byAssignment.set(id, outcome);
      }
      const outcomes = [...byAssignment.values()].map((o) => ({ ...o, completedAt: o.open ? null : o.completedAt }));
      const filter = `c.credential_id IN (SELECT credential_id FROM cluster_credentials WHERE cluster_id = ?)
        AND c.awarded_at >= ? AND c.awarded_at <= ?
        AND EXISTS (SELECT 1 FROM assignments a WHERE a.cluster_id = ? AND a.employee_id = c.employee_id
                    AND a.cancelled_at IS NULL AND a.assigned_at <= c.awarded_at)`;
      const params = [cluster.id, period.from, period.to, cluster.id];
      const done: Array<Record<string, unknown>> = await manager.query(
        `SELECT c.credential_id AS credential_id, COUNT(*) AS n FROM completions c WHERE c.status = 'valid' AND ${filter} GROUP BY c.credential_id`,
        params,
      );
      const points = (await manager.query(GAP_POINTS_SQL(filter), params)).reduce(
        (sum: number, row: Record<string, unknown>) => sum + num(row.points),
        0,
      );
      const costOf = new Map(own.map((i) => [i.credentialId, i.credential?.cost ?? 0]));
      const spent = done.reduce((sum, row) => sum + num(row.n) * (costOf.get(num(row.credential_id)) ?? 0), 0);
      results.push({
        kind: 'cluster',
        id: cluster.id,
        name: cluster.name,
        status: cluster.status,
        from: period.from,
        to: period.to,
        hours: own.reduce((sum, i) => sum + (i.credential?.hours ?? 0), 0),
        cost: Math.round(own.reduce((sum, i) => sum + (i.credential?.cost ?? 0), 0) * 100) / 100,
        completions: done.reduce((sum, row) => sum + num(row.n), 0),
        ...effectivenessFigures(outcomes, today, points, spent),
      });
    }
    return results;
  }

  async forCredential(id: number, query: PeriodQuery): Promise<EffectivenessDto> {
    const manager = this.dataSource.manager;
    const credential = await manager.findOne(Credential, { where: { id } });
    if (!credential) throw DomainError.notFound('Credential', id);
    const [figures] = await this.credentialFigures(manager, [credential], await this.period(query));
    return figures;
  }

  async forCluster(id: number, query: PeriodQuery): Promise<EffectivenessDto> {
    const manager = this.dataSource.manager;
    const cluster = await manager.findOne(Cluster, { where: { id } });
    if (!cluster) throw DomainError.notFound('Cluster', id);
    const [figures] = await this.clusterFigures(manager, [cluster], await this.period(query));
    return figures;
  }

  /** Every credential (or cluster) matching the search, with its figures, sorted and paged. */
  async list(query: EffectivenessListQuery): Promise<Page<EffectivenessDto>> {
    const manager = this.dataSource.manager;
    const period = await this.period(query);
    const kind = query.kind ?? 'credential';
    const entity = kind === 'credential' ? Credential : Cluster;
    const qb = manager.getRepository<Credential | Cluster>(entity).createQueryBuilder('x').orderBy('x.name', 'ASC');
    if (query.q) qb.andWhere("x.name_key LIKE :q ESCAPE '!'", { q: likePattern(query.q) });
    if (query.status) qb.andWhere('x.status = :status', { status: query.status });
    const rows = await qb.getMany();
    const figures =
      kind === 'credential'
        ? await this.credentialFigures(manager, rows as Credential[], period)
        : await this.clusterFigures(manager, rows as Cluster[], period);
    const sort = query.sort ?? 'name';
    const descending = (query.order ?? (sort === 'name' ? 'asc' : 'desc')) === 'desc';
    figures.sort((a, b) => {
      if (sort === 'name') return (descending ? -1 : 1) * a.name.localeCompare(b.name);
      const x = a[sort];
      const y = b[sort];
      if (x === null || y === null) return x === y ? a.name.localeCompare(b.name) : x === null ? 1 : -1; // nulls last
      return (descending ? y - x : x - y) || a.name.localeCompare(b.name);
    });
    const window = pageWindow(query);
    return toPage(figures.slice(window.skip, window.skip + window.pageSize), figures.length, window);
  }
}
