import { addDays, daysBetween, type IsoDate } from './dates';

/** Reminders: assignments due within this many days, and credentials expiring within EXPIRY_NOTICE_DAYS (issue 4). */
export const DUE_SOON_DAYS = 14;
export const EXPIRY_NOTICE_DAYS = 90;

/** One assignment that includes the credential (or is of the cluster), not cancelled. */
export interface AssignmentOutcome {
  assignedAt: IsoDate;
  dueDate: IsoDate;
  /** When it was completed (the credential, or the cluster's last credential) on or after assignedAt; null if not. */
  completedAt: IsoDate | null;
}

export interface EffectivenessFigures {
  assigned: number;
  completed: number;
  completionRate: number | null;
  medianDaysToComplete: number | null;
  overdueShare: number | null;
  gapPointsClosed: number;
  costPerGapPoint: number | null;
}

export function median(values: ReadonlyArray<number>): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * DESIGN §3 "Effectiveness". `outcomes` are the assignments made in the period; `spent` is what
 * the completions in the period cost (cost × completions for a credential), and
 * `gapPointsClosed` what they closed.
 */
export function effectivenessFigures(
  outcomes: ReadonlyArray<AssignmentOutcome>,
  today: IsoDate,
  gapPointsClosed: number,
  spent: number,
): EffectivenessFigures {
  const completed = outcomes.filter((o) => o.completedAt !== null);
  const openPastDue = outcomes.filter((o) => o.completedAt === null && o.dueDate < today).length;
  const completedLate = completed.filter((o) => (o.completedAt as IsoDate) > o.dueDate).length;
  const decided = completed.length + openPastDue;
  return {
    assigned: outcomes.length,
    completed: completed.length,
    completionRate: decided ? completed.length / decided : null,
    medianDaysToComplete: median(completed.map((o) => daysBetween(o.assignedAt, o.completedAt as IsoDate))),
    overdueShare: decided ? (completedLate + openPastDue) / decided : null,
    gapPointsClosed,
    costPerGapPoint: gapPointsClosed > 0 ? Math.round((spent / gapPointsClosed) * 100) / 100 : null,
  };
}

/** The reminder an assignment or a completion gives on `today`, if any. */
export function assignmentReminder(
  dueDate: IsoDate,
  today: IsoDate,
): { kind: 'assignment_overdue' | 'assignment_due'; daysLeft: number } | null {
  const daysLeft = daysBetween(today, dueDate);
  if (daysLeft < 0) return { kind: 'assignment_overdue', daysLeft };
  if (dueDate <= addDays(today, DUE_SOON_DAYS)) return { kind: 'assignment_due', daysLeft };
  return null;
}
