import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Page, TeamDto } from '@skillgrid/shared';
import { likePattern, pageWindow, toPage } from '../../common/http/pagination';
import { assertNameFree, requireIds } from '../../common/http/catalogue';
import { dialectOf } from '../../database/sql';
import { invalidateAllTrendSnapshots } from '../analytics/snapshots/trend-snapshots.sql';
import { contributeEmployees, employeesOf, refreshTeamClosure, withdrawEmployees } from '../analytics/state/skill-state.sql';
import { DomainError } from '../../common/errors/domain-error';
import type { SessionUser } from '../../common/auth/session-user';
import { AuditService } from '../audit/audit.service';
import { ScopeService, type Scope } from '../scope/scope.service';
import { OrganisationService } from '../organisation/organisation.service';
import { Employee } from '../employees/employee.entity';
import { Team } from './team.entity';
import type { CreateTeamDto, ListTeamsQuery, UpdateTeamDto } from './dto/team.dto';

interface Headcounts {
  direct: Map<number, number>;
  subtree(path: string): number;
}

@Injectable()
export class TeamsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly scopes: ScopeService,
    private readonly organisation: OrganisationService,
  ) {}

  /** Active headcount per team, and summed over a sub-tree by path prefix. */
  private async headcounts(manager: EntityManager): Promise<Headcounts> {
    const rows: Array<{ teamId: number; n: number | string }> = await manager
      .createQueryBuilder(Employee, 'e')
      .select('e.team_id', 'teamId')
      .addSelect('COUNT(*)', 'n')
      .where("e.status = 'active'")
      .groupBy('e.team_id')
      .getRawMany();
    const direct = new Map(rows.map((row) => [Number(row.teamId), Number(row.n)]));
    // Each team's direct count adds to every team on its path (itself and its ancestors).
    const bySubtree = new Map<string, number>();
    for (const team of await manager.find(Team, { select: { id: true, path: true } })) {
      const n = direct.get(team.id) ?? 0;
      if (!n) continue;
      const ids = team.path.split('/').filter(Boolean);
      for (let depth = 1; depth <= ids.length; depth++) {
        const prefix = `/${ids.slice(0, depth).join('/')}/`;
        bySubtree.set(prefix, (bySubtree.get(prefix) ?? 0) + n);
      }
    }
    return { direct, subtree: (path) => bySubtree.get(path) ?? 0 };
  }

  private toDto(team: Team, counts: Headcounts, scope: Scope, privacyMinGroup: number): TeamDto {
    const headcount = counts.direct.get(team.id) ?? 0;
    const subtreeHeadcount = counts.subtree(team.path);
    // Executives see aggregates of whole sub-trees only (DESIGN §3): no names, no direct-member
    // count (it is the difference of two sub-tree counts), and no count below the threshold.
    const aggregateOnly = scope.kind === 'aggregate';
    const hide = (n: number) => (aggregateOnly && n < privacyMinGroup ? null : n);
    return {
      id: team.id,
      name: team.name,
      parentId: team.parentId,
      managerId: aggregateOnly ? null : team.managerId,
      managerName: aggregateOnly ? null : (team.manager?.name ?? null),
      depth: team.depth,
      headcount: aggregateOnly ? null : headcount,
      subtreeHeadcount: hide(subtreeHeadcount),
    };
  }

  async list(user: SessionUser, query: ListTeamsQuery): Promise<Page<TeamDto>> {
    const scope = await this.scopes.scopeOf(user);
    if (scope.kind === 'self') throw DomainError.forbidden('Employees see their own profile only');
    const window = pageWindow(query);
    const qb = this.dataSource
      .getRepository(Team)
      .createQueryBuilder('t')
      .leftJoinAndSelect('t.manager', 'm')
      .orderBy('t.path', 'ASC')
      .skip(window.skip)
      .take(window.pageSize);
    this.scopes.restrictTeams(qb, scope, 't');
    if (query.q) qb.andWhere("t.name_key LIKE :q ESCAPE '!'", { q: likePattern(query.q) });
    if (query.parentId) qb.andWhere('t.parent_id = :parentId', { parentId: query.parentId });
    const [rows, total] = await qb.getManyAndCount();
    const counts = await this.headcounts(this.dataSource.manager);
    const { privacyMinGroup } = await this.organisation.settings();
    // Tree order by name rather than by id path: sort siblings by name within the page.
    return toPage(
      this.treeOrder(rows).map((team) => this.toDto(team, counts, scope, privacyMinGroup)),
      total,
      window,
    );
  }

  /** Orders a page of teams depth-first with siblings by name (paths alone order by id). */
  private treeOrder(teams: Team[]): Team[] {
    const byParent = new Map<number | null, Team[]>();
    const ids = new Set(teams.map((t) => t.id));
    for (const team of teams) {
      const parent = team.parentId !== null && ids.has(team.parentId) ? team.parentId : null;
      byParent.set(parent, [...(byParent.get(parent) ?? []), team]);
    }
    const out: Team[] = [];
    const visit = (parent: number | null) => {
      for (const team of (byParent.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name))) {
        out.push(team);
        visit(team.id);
      }
    };
    visit(null);
    return out;
  }

  async get(user: SessionUser, id: number): Promise<TeamDto> {
    const scope = await this.scopes.scopeOf(user);
    if (scope.kind === 'self') throw DomainError.forbidden('Employees see their own profile only');
    const team = await this.dataSource.getRepository(Team).findOne({ where: { id }, relations: { manager: true } });
    if (!team || !this.scopes.teamPathInScope(scope, team.path)) throw DomainError.notFound('Team', id);
    const { privacyMinGroup } = await this.organisation.settings();
    return this.toDto(team, await this.headcounts(this.dataSource.manager), scope, privacyMinGroup);
  }

  private async afterWrite(manager: EntityManager, id: number): Promise<TeamDto> {
    const team = await manager.findOneOrFail(Team, { where: { id }, relations: { manager: true } });
    const { privacyMinGroup } = await this.organisation.settings();
    return this.toDto(team, await this.headcounts(manager), { kind: 'organisation' }, privacyMinGroup);
  }

  create(user: SessionUser, dto: CreateTeamDto): Promise<TeamDto> {
    return this.dataSource.transaction(async (manager) => {
      const key = await assertNameFree(manager, Team, 'team', dto.name);
      const parent = dto.parentId
        ? (await requireIds(manager, Team, [dto.parentId], 'parentId', 'Team')).get(dto.parentId)
        : undefined;
      if (dto.managerId) await requireIds(manager, Employee, [dto.managerId], 'managerId', 'Employee');
      const team = await manager.save(
        manager.create(Team, {
          name: dto.name.trim(),
          nameKey: key,
          parentId: parent?.id ?? null,
          managerId: dto.managerId ?? null,
          path: '/',
          depth: parent ? parent.depth + 1 : 0,
        }),
      );
      team.path = `${parent?.path ?? '/'}${team.id}/`;
      await manager.update(Team, { id: team.id }, { path: team.path });
      await refreshTeamClosure(manager, team.id);
      const result = await this.afterWrite(manager, team.id);
      await this.audit.record(manager, { userId: user.id, action: 'create', entity: 'team', entityId: team.id, after: result });
      return result;
    });
  }

  update(user: SessionUser, id: number, dto: UpdateTeamDto): Promise<TeamDto> {
    return this.dataSource.transaction(async (manager) => {
      const team = await manager.findOne(Team, { where: { id } });
      if (!team) throw DomainError.notFound('Team', id);
      const before = await this.afterWrite(manager, id);
      const changes: Partial<Team> = {};
      if (dto.name !== undefined) {
        changes.nameKey = await assertNameFree(manager, Team, 'team', dto.name, id);
        changes.name = dto.name.trim();
      }
      if (dto.managerId !== undefined) {
        if (dto.managerId !== null) await requireIds(manager, Employee, [dto.managerId], 'managerId', 'Employee');
        changes.managerId = dto.managerId;
      }
      if (Object.keys(changes).length) await manager.update(Team, { id }, changes);
      if (dto.parentId !== undefined && dto.parentId !== team.parentId) await this.move(manager, team, dto.parentId);
      const after = await this.afterWrite(manager, id);
      await this.audit.record(manager, { userId: user.id, action: 'update', entity: 'team', entityId: id, before, after });
      return after;
    });
  }

  /** Moves a team and its sub-tree; a team cannot become its own ancestor. */
  private async move(manager: EntityManager, team: Team, parentId: number | null): Promise<void> {
    let parent: Team | undefined;
    if (parentId !== null) {
      parent = (await requireIds(manager, Team, [parentId], 'parentId', 'Team')).get(parentId);
      if (parent && parent.path.startsWith(team.path)) {
        throw DomainError.invalid([
          {
            field: 'parentId',
            message: `team ${parentId} is ${parentId === team.id ? 'the team itself' : 'inside this team'}: a team cannot be its own ancestor`,
          },
        ]);
      }
    }
    const newPath = `${parent?.path ?? '/'}${team.id}/`;
    // The sub-tree's people count in the statistics of the old ancestors until they are re-added.
    const dialect = dialectOf(manager.connection);
    const people = await employeesOf(manager, { teamPath: team.path });
    await withdrawEmployees(manager, dialect, people);
    const depthShift = (parent ? parent.depth + 1 : 0) - team.depth;
    const subtree = await manager
      .createQueryBuilder(Team, 't')
      .where('t.path LIKE :prefix', { prefix: `${team.path}%` })
      .getMany();
    for (const member of subtree) {
      await manager.update(
        Team,
        { id: member.id },
        {
          path: newPath + member.path.slice(team.path.length),
          depth: member.depth + depthShift,
          ...(member.id === team.id ? { parentId } : {}),
        },
      );
    }
    await refreshTeamClosure(manager, team.id);
    await contributeEmployees(manager, dialect, people);
    await invalidateAllTrendSnapshots(manager);
  }
}
