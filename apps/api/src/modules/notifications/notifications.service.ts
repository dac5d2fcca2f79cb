import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  addDays,
  assignmentReminder,
  daysBetween,
  DUE_SOON_DAYS,
  EXPIRY_NOTICE_DAYS,
  type NotificationDto,
  type NotificationsDto,
} from '@skillgrid/shared';
import type { SessionUser } from '../../common/auth/session-user';
import { chunks, placeholders } from '../../database/sql';
import { OrganisationService } from '../organisation/organisation.service';
import { AssignmentsService } from '../assignments/assignments.service';
import { Assignment } from '../assignments/assignment.entity';
import { Team } from '../teams/team.entity';

/** The most reminders one answer lists (the counts cover all of them). */
export const NOTIFICATIONS_LIMIT = 200;

@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisation: OrganisationService,
    private readonly assignments: AssignmentsService,
  ) {}

  /**
   * The people whose line manager the employee is (DESIGN §2): the members of the teams they
   * manage, and the managers of those teams' child teams who manage their own team.
   */
  private async reportsOf(employeeId: number): Promise<number[]> {
    const rows: Array<{ id: number }> = await this.dataSource.query(
      `SELECT e.id AS id FROM employees e JOIN teams t ON t.id = e.team_id
       WHERE e.status = 'active' AND e.id <> ?
         AND (t.manager_id = ?
              OR (t.manager_id = e.id AND t.parent_id IN (SELECT id FROM teams WHERE manager_id = ?)))`,
      [employeeId, employeeId, employeeId],
    );
    return rows.map((r) => Number(r.id));
  }

  /** Assignments due within 14 days or overdue, and credentials expiring within 90 days, for me and my reports. */
  async forUser(user: SessionUser): Promise<NotificationsDto> {
    const today = await this.organisation.today();
    const empty = { asOf: today, items: [], counts: { assignmentDue: 0, assignmentOverdue: 0, credentialExpiring: 0 } };
    if (user.employeeId === null) return empty;
    const self = user.employeeId;
    const people = [self, ...(await this.reportsOf(self))];
    const manager = this.dataSource.manager;
    const items: NotificationDto[] = [];
    const soon = addDays(today, DUE_SOON_DAYS);
    for (const part of chunks(people, 500)) {
      const open = await manager
        .getRepository(Assignment)
        .createQueryBuilder('a')
        .innerJoinAndSelect('a.employee', 'e')
        .innerJoin(Team, 't', 't.id = e.team_id')
        .leftJoinAndSelect('a.cluster', 'cl')
        .leftJoinAndSelect('a.credential', 'cr')
        .where(
          `a.employee_id IN (${part.map((_, i) => `:p${i}`).join(', ')})`,
          Object.fromEntries(part.map((id, i) => [`p${i}`, id])),
        )
        .andWhere('a.cancelled_at IS NULL AND a.due_date <= :soon', { soon })
        .getMany();
      for (const a of await this.assignments.describe(manager, open, today)) {
        if (a.status === 'completed' || a.status === 'cancelled') continue;
        const reminder = assignmentReminder(a.dueDate, today);
        if (!reminder) continue;
        items.push({
          kind: reminder.kind,
          about: a.employeeId === self ? 'self' : 'report',
          employeeId: a.employeeId,
          employeeName: a.employeeName,
          title: a.title,
          date: a.dueDate,
          daysLeft: reminder.daysLeft,
          assignmentId: a.id,
          completionId: null,
        });
      }
      const expiring: Array<Record<string, unknown>> = await manager.query(
        `SELECT c.id AS id, c.employee_id AS employee_id, e.name AS employee_name, cr.name AS credential_name, c.expires_at AS expires_at
         FROM completions c JOIN employees e ON e.id = c.employee_id JOIN credentials cr ON cr.id = c.credential_id
         WHERE c.employee_id IN (${placeholders(part.length)}) AND c.status = 'valid' AND c.expires_at > ? AND c.expires_at <= ?
           AND NOT EXISTS (SELECT 1 FROM completions r WHERE r.employee_id = c.employee_id AND r.credential_id = c.credential_id
                           AND r.status = 'valid' AND r.awarded_at > c.awarded_at)`,
        [...part, today, addDays(today, EXPIRY_NOTICE_DAYS)],
      );
      for (const row of expiring) {
        const expiresAt = String(row.expires_at).slice(0, 10);
        items.push({
          kind: 'credential_expiring',
          about: Number(row.employee_id) === self ? 'self' : 'report',
          employeeId: Number(row.employee_id),
          employeeName: String(row.employee_name),
          title: String(row.credential_name),
          date: expiresAt,
          daysLeft: daysBetween(today, expiresAt),
          assignmentId: null,
          completionId: Number(row.id),
        });
      }
    }
    // Most urgent first: overdue, then by date; my own before my reports' on the same day.
    const rank = { assignment_overdue: 0, assignment_due: 1, credential_expiring: 1 } as const;
    items.sort(
      (a, b) =>
        rank[a.kind] - rank[b.kind] ||
        a.date.localeCompare(b.date) ||
        (a.about === b.about ? 0 : a.about === 'self' ? -1 : 1) ||
        a.employeeName.localeCompare(b.employeeName),
    );
    return {
      asOf: today,
      items: items.slice(0, NOTIFICATIONS_LIMIT),
      counts: {
        assignmentDue: items.filter((i) => i.kind === 'assignment_due').length,
        assignmentOverdue: items.filter((i) => i.kind === 'assignment_overdue').length,
        credentialExpiring: items.filter((i) => i.kind === 'credential_expiring').length,
      },
    };
  }
}
