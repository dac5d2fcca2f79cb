import type { CompletionSource, CompletionStatus } from '@skillgrid/shared';
import type { DemoCatalogue } from './catalogue';
import { INTERNAL_ACADEMY } from './catalogue/credentials.catalogue';
import { LOCATIONS, MANDATORY_TRAINING, ORGANISATION, type NamePool } from './catalogue/organisation.catalogue';
import { NAMES } from './catalogue/names.catalogue';
import type { Calendar } from '../../common/calendar';
import type { OrgPlan, TeamPlan } from './org-structure';
import { Random, cumulativeWeights } from './prng';
import { formatDayTimestamp, type Dialect, type SqlValue } from './sql-writer';

/** Share of non-managers who have left (within the last 24 months). */
export const LEAVER_SHARE = 0.1;

/** The attributes of an employee that the whole organisation depends on (cheap to recompute). */
export interface EmployeeCore {
  id: number;
  team: TeamPlan;
  isManager: boolean;
  roleId: number;
  status: 'active' | 'left';
  hireDay: number;
  leaveDay: number | null;
  locationId: number;
  /** An earlier period in another team or role, ending on `day`. */
  move: { day: number; team: TeamPlan; roleId: number } | null;
  targetRoleId: number | null;
}

/** Ids of the users that assign work, and who the demo people are. */
export interface DemoCast {
  hrEmployeeId: number;
  managerEmployeeId: number;
  execEmployeeId: number;
  employeeEmployeeId: number;
  /** Team indexes of the demo manager's sub-tree. */
  managerSubtree: ReadonlySet<number>;
  emails: ReadonlyMap<number, string>;
  hrUserId: number;
  managerUserId: number;
}

export interface BatchRows {
  employees: SqlValue[][];
  periods: SqlValue[][];
  completions: SqlValue[][];
  assignments: SqlValue[][];
}

interface CredentialInfo {
  id: number;
  validityMonths: number | null;
  grants: ReadonlyArray<{ skillId: number; level: number }>;
  openBadge: boolean;
  credly: boolean;
  scored: boolean;
  cost: number;
  hours: number;
}

interface Pick {
  ids: number[];
  cumulative: number[];
}

const NAME_POOLS: NamePool[] = ['gb', 'ie', 'nl', 'de', 'pl', 'fr'];
const OB_SOURCES: Array<[CompletionSource, number]> = [
  ['open_badges', 0.55],
  ['csv_import', 0.3],
  ['manual', 0.15],
];
const PLAIN_SOURCES: Array<[CompletionSource, number]> = [
  ['csv_import', 0.55],
  ['manual', 0.35],
  ['api', 0.1],
];
const REVOKE_REASONS = [
  'Issued in error by the provider',
  'Duplicate of another record',
  'Assessment result withdrawn after review',
];
const EVIDENCE_HOST = `https://files.${ORGANISATION.emailDomain}/evidence`;
const BADGE_HOST = `https://badges.${ORGANISATION.emailDomain}/assertions`;

/** Strips accents and anything but letters and digits, for e-mail local parts. */
export function emailPart(text: string): string {
  return text
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Generates people, their history and their learning, one employee at a time and from that
 * employee's own random streams, so any batch of ids can be produced independently.
 */
export class PeopleModel {
  private readonly credentials: CredentialInfo[] = [];
  /** skillId → level → credentials granting the skill at that level or higher. */
  private readonly atLeast = new Map<number, Pick[]>();
  /** skillId → level → credentials granting the skill below that level. */
  private readonly below = new Map<number, Pick[]>();
  private readonly unrelated: Pick;
  private readonly requirementsByRole = new Map<number, ReadonlyArray<{ skillId: number; level: number; weight: number }>>();
  private readonly nextRolesByRole = new Map<number, number[]>();
  private readonly mandatory: Array<{ credentialId: number; share: number; divisions: string[] | null }>;
  private readonly roleClusters = new Map<number, number[]>();
  private readonly goalClusters = new Map<number, number[]>();
  private readonly crossClusters: number[] = [];
  private readonly clusterCredentials = new Map<number, number[]>();
  private readonly skillNames = new Map<number, string>();
  private readonly emailCounts = new Map<string, number>();
  private readonly emailParts = new Map<string, string>();
  private readonly historyStart: number;

  constructor(
    private readonly catalogue: DemoCatalogue,
    private readonly plan: OrgPlan,
    private readonly calendar: Calendar,
    private readonly seed: number,
  ) {
    for (const credential of catalogue.credentials) {
      this.credentials[credential.id] = {
        id: credential.id,
        validityMonths: credential.validityMonths,
        grants: credential.grants,
        openBadge: Boolean(credential.achievementId || credential.credlyTemplateId || credential.badgrClassId),
        credly: credential.credlyTemplateId !== null,
        scored: credential.deliveryMethod === 'test' || credential.deliveryMethod === 'assignment',
        cost: credential.cost,
        hours: credential.hours,
      };
    }
    // People prefer cheap, short and in-house credentials.
    const appeal = (id: number) => {
      const c = catalogue.credentials[id - 1] as DemoCatalogue['credentials'][number];
      return (c.provider === INTERNAL_ACADEMY ? 1.6 : 1) / (1 + c.cost / 400) / (1 + c.hours / 60);
    };
    for (const skill of catalogue.skills) {
      const up: Pick[] = [];
      const down: Pick[] = [];
      for (let level = 0; level <= 5; level++) {
        const above = catalogue.credentials
          .filter((c) => c.grants.some((g) => g.skillId === skill.id && g.level >= level))
          .map((c) => c.id);
        const under = catalogue.credentials
          .filter((c) => c.grants.some((g) => g.skillId === skill.id && g.level < level))
          .map((c) => c.id);
        up.push({ ids: above, cumulative: cumulativeWeights(above.map(appeal)) });
        down.push({ ids: under, cumulative: cumulativeWeights(under.map(appeal)) });
      }
      this.atLeast.set(skill.id, up);
      this.below.set(skill.id, down);
      this.skillNames.set(skill.id, skill.name);
    }
    const all = catalogue.credentials.map((c) => c.id);
    this.unrelated = { ids: all, cumulative: cumulativeWeights(all.map((id) => appeal(id) ** 1.5)) };
    for (const role of catalogue.roles) {
      this.requirementsByRole.set(role.id, role.requirements);
      this.nextRolesByRole.set(role.id, role.nextRoleIds);
    }
    this.mandatory = MANDATORY_TRAINING.map((m) => ({
      credentialId: catalogue.credentialIdByName.get(m.credential) as number,
      share: m.share,
      divisions: m.divisions,
    }));
    for (const cluster of catalogue.clusters) {
      this.clusterCredentials.set(cluster.id, cluster.credentialIds);
      if (cluster.purpose === 'cross_skilling') this.crossClusters.push(cluster.id);
      if (cluster.targetRoleId === null) continue;
      const map = cluster.purpose === 'role' ? this.roleClusters : cluster.purpose === 'career_goal' ? this.goalClusters : null;
      if (!map) continue;
      map.set(cluster.targetRoleId, [...(map.get(cluster.targetRoleId) ?? []), cluster.id]);
    }
    this.historyStart = calendar.addMonths(calendar.today, -24);
  }

  requirementsOf(roleId: number): ReadonlyArray<{ skillId: number; level: number; weight: number }> {
    return this.requirementsByRole.get(roleId) ?? [];
  }

  /** The employee's team, role, status and dates: the same answer for the same seed and id. */
  core(id: number): EmployeeCore {
    const { plan, calendar } = this;
    const rng = Random.of(this.seed, id, 1);
    const slot = plan.slotOfId(id);
    const team = plan.teams[plan.teamIndexOfSlot(slot)] as TeamPlan;
    const isManager = slot === team.slotStart;
    const roleId = isManager ? team.managerRoleId : rng.pickCumulative(team.memberRoleIds, team.memberRoleCumulative);
    const today = calendar.today;
    const leaver = !isManager && rng.chance(LEAVER_SHARE);
    let hireDay: number;
    let leaveDay: number | null = null;
    if (leaver) {
      leaveDay = today - rng.int(1, 730);
      hireDay = Math.max(today - 3650, leaveDay - (60 + Math.floor(rng.next() ** 1.3 * 3000)));
    } else if (isManager) {
      hireDay = today - rng.int(730, 3650);
    } else {
      hireDay = today - Math.floor(rng.next() ** 1.5 * 3650);
    }
    const locationId = rng.chance(0.85) ? team.locationId : rng.int(1, LOCATIONS.length);
    const end = leaveDay ?? today;
    let move: EmployeeCore['move'] = null;
    if (end - hireDay >= 540 && rng.chance(isManager ? 0.35 : 0.14)) {
      const day = hireDay + 180 + rng.int(0, end - 30 - (hireDay + 180));
      if (isManager && team.memberRoleIds.length && rng.chance(0.6)) {
        // Promoted inside the team they now lead.
        move = { day, team, roleId: rng.pickCumulative(team.memberRoleIds, team.memberRoleCumulative) };
      } else {
        const other = plan.teams[rng.pick(plan.leafTeamIndexes)] as TeamPlan;
        move = { day, team: other, roleId: rng.pickCumulative(other.memberRoleIds, other.memberRoleCumulative) };
      }
    }
    const next = this.nextRolesByRole.get(roleId) ?? [];
    const targetRoleId = !leaver && next.length && rng.chance(0.15) ? rng.pick(next) : null;
    return { id, team, isManager, roleId, status: leaver ? 'left' : 'active', hireDay, leaveDay, locationId, move, targetRoleId };
  }

  /** Appends the employee's rows (record, periods, completions, assignments) to `out`. */
  generate(core: EmployeeCore, cast: DemoCast, out: BatchRows, dialect: Dialect): void {
    const { calendar } = this;
    const rng = Random.of(this.seed, core.id, 2);
    const iso = (day: number) => calendar.iso(day);
    const stamp = (day: number, seconds: number) =>
      formatDayTimestamp(calendar.iso(Math.min(day, calendar.today)), seconds, dialect);

    // Identity.
    const home = LOCATIONS[core.locationId - 1]?.pool ?? 'gb';
    const pool = NAMES[rng.chance(0.8) ? home : rng.pick(NAME_POOLS)];
    const first = rng.pick(pool.first);
    const last = rng.pick(pool.last);
    let email = cast.emails.get(core.id);
    if (!email) {
      const local = `${this.emailPartOf(first)}.${this.emailPartOf(last)}`;
      const count = (this.emailCounts.get(local) ?? 0) + 1;
      this.emailCounts.set(local, count);
      email = `${local}${count === 1 ? '' : count}@${ORGANISATION.emailDomain}`;
    }
    const createdSeconds = 8 * 3600 + rng.int(0, 9 * 3600);
    const lastChange = core.leaveDay ?? core.move?.day ?? core.hireDay;
    out.employees.push([
      core.id,
      `E${String(core.id).padStart(6, '0')}`,
      `${first} ${last}`,
      email,
      core.team.id,
      core.roleId,
      core.locationId,
      iso(core.hireDay),
      core.status,
      core.leaveDay === null ? null : iso(core.leaveDay),
      core.targetRoleId,
      stamp(core.hireDay, createdSeconds),
      stamp(lastChange, createdSeconds + (lastChange === core.hireDay ? 0 : 600)),
    ]);

    // Employment history: an earlier period for movers, then the current one.
    const currentStart = core.move ? core.move.day : core.hireDay;
    if (core.move) {
      out.periods.push([core.id, core.move.team.id, core.move.roleId, core.locationId, iso(core.hireDay), iso(core.move.day)]);
    }
    out.periods.push([
      core.id,
      core.team.id,
      core.roleId,
      core.locationId,
      iso(currentStart),
      core.leaveDay === null ? null : iso(core.leaveDay),
    ]);

    new LearningHistory(this, core, cast, out, stamp, Random.of(this.seed, core.id, 3)).build();
  }

  private emailPartOf(name: string): string {
    let part = this.emailParts.get(name);
    if (part === undefined) {
      part = emailPart(name);
      this.emailParts.set(name, part);
    }
    return part;
  }

  // Helpers for LearningHistory.
  credential(id: number): CredentialInfo {
    return this.credentials[id] as CredentialInfo;
  }
  candidatesAtLeast(skillId: number, level: number): Pick {
    return (this.atLeast.get(skillId) as Pick[])[level] as Pick;
  }
  candidatesBelow(skillId: number, level: number): Pick {
    return (this.below.get(skillId) as Pick[])[level] as Pick;
  }
  unrelatedCredentials(): Pick {
    return this.unrelated;
  }
  mandatoryTraining() {
    return this.mandatory;
  }
  clustersFor(core: EmployeeCore): { role: number[]; goal: number[]; cross: number[] } {
    return {
      role: this.roleClusters.get(core.roleId) ?? [],
      goal: core.targetRoleId ? (this.goalClusters.get(core.targetRoleId) ?? []) : [],
      cross: this.crossClusters,
    };
  }
  credentialsOfCluster(clusterId: number): number[] {
    return this.clusterCredentials.get(clusterId) ?? [];
  }
  skillName(skillId: number): string {
    return this.skillNames.get(skillId) ?? '';
  }
  get today(): number {
    return this.calendar.today;
  }
  get start(): number {
    return this.historyStart;
  }
  addMonths(day: number, months: number): number {
    return this.calendar.addMonths(day, months);
  }
  isoOf(day: number): string {
    return this.calendar.iso(day);
  }
}

/** One employee's completions and assignments over the 24 months of history. */
class LearningHistory {
  private readonly chosen: number[] = [];
  private readonly chosenSet = new Set<number>();
  private readonly levels = new Map<number, number>();
  private readonly awarded = new Set<number>();
  private readonly rows: Array<{ day: number; row: SqlValue[] }> = [];
  private readonly blocked = new Map<number, number>();
  private readonly end: number;
  private readonly begin: number;
  private readonly isDemo: boolean;

  constructor(
    private readonly model: PeopleModel,
    private readonly core: EmployeeCore,
    private readonly cast: DemoCast,
    private readonly out: BatchRows,
    private readonly stamp: (day: number, seconds: number) => string,
    private readonly rng: Random,
  ) {
    this.end = core.leaveDay ?? model.today;
    this.begin = Math.min(this.end, Math.max(model.start, core.hireDay - 180));
    this.isDemo = core.id === cast.employeeEmployeeId;
  }

  build(): void {
    const { model, core, rng } = this;
    const requirements = model.requirementsOf(core.roleId);
    const mandatoryIds = new Set(model.mandatoryTraining().map((m) => m.credentialId));
    if (this.isDemo) {
      // Leave the demo employee with real gaps: two weighty requirements nobody trained them in.
      const mandatorySkills = new Set([...mandatoryIds].flatMap((id) => model.credential(id).grants.map((g) => g.skillId)));
      for (const requirement of requirements.filter((r) => r.weight >= 2 && !mandatorySkills.has(r.skillId)).slice(0, 2))
        this.blocked.set(requirement.skillId, requirement.level);
    }

    // Credentials for the role: most requirements met, some partly, some not at all.
    const tenureDays = this.end - core.hireDay + 180;
    const tenureFactor = 0.5 + 0.5 * Math.min(1, tenureDays / 540);
    const pMeet = Math.min(0.97, Math.max(0.15, core.team.trainingFactor * tenureFactor * 0.8));
    for (const requirement of rng.shuffled(requirements)) {
      if ((this.levels.get(requirement.skillId) ?? 0) >= requirement.level) continue;
      if (this.blocked.has(requirement.skillId)) continue;
      const roll = rng.next();
      if (roll < pMeet) this.choose(model.candidatesAtLeast(requirement.skillId, requirement.level));
      else if (roll < pMeet + (1 - pMeet) * 0.35) this.choose(model.candidatesBelow(requirement.skillId, requirement.level));
    }
    for (const mandatory of model.mandatoryTraining()) {
      if (mandatory.divisions && !mandatory.divisions.includes(core.team.divisionKey)) continue;
      if (rng.chance(mandatory.share)) this.add(mandatory.credentialId);
    }
    const extra = rng.pick([0, 0, 1, 1, 1, 2, 2, 3]);
    for (let i = 0; i < extra; i++) this.choose(model.unrelatedCredentials());

    // The demo employee holds a credential expiring within 90 days.
    let expiring: number | null = null;
    if (this.isDemo) {
      // Awarded within the 24 months of history, so valid for at most 24 months.
      const renewable = (id: number) => (model.credential(id).validityMonths ?? 99) <= 24;
      expiring =
        this.chosen.find((id) => renewable(id) && !mandatoryIds.has(id)) ?? this.chosen.find((id) => renewable(id)) ?? null;
      if (expiring === null) {
        expiring = [...mandatoryIds].find((id) => renewable(id)) as number;
        this.add(expiring);
      }
    }

    for (const credentialId of this.chosen) {
      if (credentialId === expiring) this.expiringSoon(credentialId);
      else this.timeline(credentialId, mandatoryIds.has(credentialId));
    }
    this.assignments();
    this.rows.sort((a, b) => a.day - b.day);
    for (const { row } of this.rows) this.out.completions.push(row);
  }

  private allowed(credentialId: number): boolean {
    if (this.blocked.size === 0) return true;
    return !this.model.credential(credentialId).grants.some((g) => (this.blocked.get(g.skillId) ?? 6) <= g.level);
  }

  private choose(pick: { ids: number[]; cumulative: number[] }): void {
    if (pick.ids.length === 0) return;
    for (let attempt = 0; attempt < 4; attempt++) {
      const id = this.rng.pickCumulative(pick.ids, pick.cumulative);
      if (this.chosenSet.has(id) || !this.allowed(id)) continue;
      this.add(id);
      return;
    }
  }

  private add(credentialId: number): void {
    if (this.chosenSet.has(credentialId)) return;
    this.chosenSet.add(credentialId);
    this.chosen.push(credentialId);
    for (const grant of this.model.credential(credentialId).grants)
      this.levels.set(grant.skillId, Math.max(this.levels.get(grant.skillId) ?? 0, grant.level));
  }

  /** First award somewhere in the window; then renewals near each expiry, or a lapse. */
  private timeline(credentialId: number, mandatory: boolean): void {
    const { rng, model } = this;
    const validity = model.credential(credentialId).validityMonths;
    let award = this.begin + rng.int(0, this.end - this.begin);
    for (let guard = 0; guard < 12; guard++) {
      this.emit(credentialId, award, {});
      if (validity === null) return;
      const expiry = model.addMonths(award, validity);
      if (expiry > this.end) return;
      const renewal = mandatory ? 0.85 : Math.min(0.9, 0.7 * this.core.team.trainingFactor + 0.05);
      if (!rng.chance(renewal)) return;
      const next = Math.max(award + 31, expiry + rng.int(-60, 30));
      if (next > this.end) return;
      award = next;
    }
  }

  /** The demo employee's credential: renewed once, and due to expire in 20–75 days. */
  private expiringSoon(credentialId: number): void {
    const { model, rng } = this;
    const validity = model.credential(credentialId).validityMonths as number;
    const award = model.addMonths(model.today + rng.int(20, 75), -validity);
    const earlier = model.addMonths(award, -validity);
    if (earlier >= this.begin) this.emit(credentialId, earlier, { valid: true });
    this.emit(credentialId, award, { valid: true });
  }

  private emit(credentialId: number, day: number, options: { valid?: boolean; source?: CompletionSource }): boolean {
    const { rng, model, core } = this;
    const credential = model.credential(credentialId);
    // Never two completions of one credential on one day: move to the next free day (or back).
    let award = Math.min(day, this.end);
    const taken = (d: number) => this.awarded.has(credentialId * 100_000 + d);
    while (taken(award) && award < this.end) award++;
    while (taken(award) && award > this.begin) award--;
    if (taken(award)) return false;
    this.awarded.add(credentialId * 100_000 + award);

    const source = options.source ?? rng.weighted(credential.openBadge ? OB_SOURCES : PLAIN_SOURCES, ([, w]) => w)[0];
    let status: CompletionStatus = 'valid';
    let reason: string | null = null;
    if (!options.valid) {
      if (source === 'open_badges' && model.today - award <= 45 && rng.chance(0.3)) {
        status = 'pending';
        reason = rng.chance(0.5)
          ? 'Open Badges 2.0 assertion awaiting HR verification'
          : 'Badge achievement not yet mapped to a credential';
      } else if (rng.chance(0.012)) {
        status = 'revoked';
        reason = rng.pick(REVOKE_REASONS);
      }
    }
    const hex = () =>
      Math.floor(rng.next() * 0x100000000)
        .toString(16)
        .padStart(8, '0');
    let evidence: string | null = null;
    if (source === 'open_badges')
      evidence = credential.credly
        ? `https://www.credly.com/badges/${hex()}-${hex().slice(0, 4)}-4${hex().slice(0, 3)}-a${hex().slice(0, 3)}-${hex()}${hex().slice(0, 4)}`
        : `${BADGE_HOST}/${hex()}${hex()}`;
    else if (source === 'manual' && rng.chance(0.4)) evidence = `${EVIDENCE_HOST}/${core.id}/${hex()}.pdf`;
    const score = credential.scored ? rng.int(120, 200) / 2 : rng.chance(0.15) ? rng.int(140, 200) / 2 : null;
    const expires = credential.validityMonths === null ? null : model.isoOf(model.addMonths(award, credential.validityMonths));
    const createdDay = award + rng.int(0, 3);
    const seconds = 7 * 3600 + rng.int(0, 10 * 3600);
    const updatedDay = status === 'revoked' ? createdDay + rng.int(5, 60) : createdDay;
    this.rows.push({
      day: award,
      row: [
        core.id,
        credentialId,
        model.isoOf(award),
        expires,
        source,
        evidence,
        score,
        status,
        reason,
        this.stamp(createdDay, seconds),
        this.stamp(updatedDay, seconds + (updatedDay === createdDay ? 0 : 1800)),
      ],
    });
    return true;
  }

  private assignedBy(): number | null {
    const { rng, cast, core } = this;
    if (cast.managerSubtree.has(core.team.index)) return rng.chance(0.75) ? cast.managerUserId : cast.hrUserId;
    return rng.chance(0.35) ? cast.hrUserId : null;
  }

  private pushAssignment(
    target: { clusterId: number | null; credentialId: number | null },
    assigned: number,
    due: number,
    note: string | null,
    cancelledDay: number | null,
  ): void {
    const seconds = 9 * 3600 + this.rng.int(0, 7 * 3600);
    this.out.assignments.push([
      this.core.id,
      target.clusterId,
      target.credentialId,
      this.assignedBy(),
      this.model.isoOf(assigned),
      this.model.isoOf(due),
      note,
      cancelledDay === null ? null : this.stamp(cancelledDay, seconds + 3600),
      this.stamp(assigned, seconds),
    ]);
  }

  /** What to assign: a career-goal or role cluster, a gap-closing credential, or cross-skilling. */
  private assignmentTarget(): {
    clusterId: number | null;
    credentialId: number | null;
    credentials: number[];
    note: string | null;
  } {
    const { rng, model, core } = this;
    const clusters = model.clustersFor(core);
    if (clusters.goal.length && rng.chance(0.7)) {
      const id = rng.pick(clusters.goal);
      return {
        clusterId: id,
        credentialId: null,
        credentials: model.credentialsOfCluster(id),
        note: 'Career goal development plan',
      };
    }
    if (clusters.role.length && rng.chance(0.5)) {
      const id = rng.pick(clusters.role);
      return { clusterId: id, credentialId: null, credentials: model.credentialsOfCluster(id), note: null };
    }
    const gaps = model.requirementsOf(core.roleId).filter((r) => (this.levels.get(r.skillId) ?? 0) < r.level);
    if (gaps.length && rng.chance(0.7)) {
      const gap = rng.pick(gaps);
      const pick = model.candidatesAtLeast(gap.skillId, gap.level);
      const id = rng.pickCumulative(pick.ids, pick.cumulative);
      return {
        clusterId: null,
        credentialId: id,
        credentials: [id],
        note: `Closes the ${model.skillName(gap.skillId)} gap for the role`,
      };
    }
    const id = rng.pick(clusters.cross);
    return { clusterId: id, credentialId: null, credentials: model.credentialsOfCluster(id), note: null };
  }

  private assignments(): void {
    const { rng, model, core } = this;
    const today = model.today;
    if (this.isDemo) {
      this.demoAssignments();
      return;
    }
    // An older assignment, mostly completed: the history that completion rates come from.
    if (rng.chance(0.14) && this.end - core.hireDay > 240) {
      const latest = Math.min(this.end - 30, today - 150);
      const earliest = Math.max(core.hireDay + 14, model.start);
      if (latest > earliest) {
        const assigned = earliest + rng.int(0, latest - earliest);
        const due = assigned + rng.int(30, 120);
        const target = this.assignmentTarget();
        const roll = rng.next();
        let cancelled: number | null = null;
        if (roll < 0.7) {
          for (const credentialId of target.credentials) {
            const award = assigned + rng.int(5, Math.max(6, due - assigned + (rng.chance(0.25) ? 60 : 0)));
            if (award <= this.end) this.emit(credentialId, award, { valid: true });
          }
        } else if (roll < 0.8) {
          cancelled = Math.min(this.end, assigned + rng.int(5, 60));
        } else if (roll < 0.9 && target.credentials.length > 1) {
          this.emit(target.credentials[0] as number, Math.min(this.end, assigned + rng.int(5, 40)), { valid: true });
        }
        this.pushAssignment(target, assigned, due, target.note, cancelled);
      }
    }
    // An open assignment for about 15% of the active people.
    if (core.status !== 'active' || !rng.chance(0.15)) return;
    const assigned = Math.max(core.hireDay + 7, today - rng.int(7, 180));
    if (assigned > today) return;
    let due = today + rng.int(-30, 120);
    if (due < assigned + 21) due = assigned + 21 + rng.int(0, 40);
    const target = this.assignmentTarget();
    const roll = rng.next();
    const finishBy = Math.min(today, due + 20);
    if (roll < 0.28 && finishBy > assigned) {
      for (const credentialId of target.credentials)
        this.emit(credentialId, assigned + rng.int(1, finishBy - assigned), { valid: true });
    } else if (roll < 0.6 && target.credentials.length > 1 && today > assigned) {
      const done = rng.int(1, target.credentials.length - 1);
      for (const credentialId of target.credentials.slice(0, done))
        this.emit(credentialId, assigned + rng.int(1, Math.max(1, today - assigned)), { valid: true });
    }
    this.pushAssignment(target, assigned, due, target.note, null);
  }

  /** The demo employee: one credential assigned for a gap, and a cluster in progress. */
  private demoAssignments(): void {
    const { model, core } = this;
    const today = model.today;
    const [gapSkill, gapLevel] = [...this.blocked.entries()][0] ?? [null, 0];
    if (gapSkill !== null) {
      const pick = model.candidatesAtLeast(gapSkill, gapLevel);
      const credentialId = pick.ids.reduce((best, id) => (model.credential(id).cost < model.credential(best).cost ? id : best));
      this.pushAssignment(
        { clusterId: null, credentialId },
        today - 20,
        today + 40,
        `Closes the ${model.skillName(gapSkill)} gap for the role`,
        null,
      );
    }
    const clusters = model.clustersFor(core);
    const candidates = [...clusters.role, ...clusters.goal, ...clusters.cross].filter((id) => {
      const credentials = model.credentialsOfCluster(id);
      return credentials.length > 1 && credentials.every((credentialId) => this.allowed(credentialId));
    });
    const clusterId = candidates[0];
    if (clusterId === undefined) return;
    const assigned = today - 40;
    this.emit(model.credentialsOfCluster(clusterId)[0] as number, assigned + 12, { valid: true });
    this.pushAssignment({ clusterId, credentialId: null }, assigned, today + 50, null, null);
  }
}
