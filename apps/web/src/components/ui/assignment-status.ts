import { daysBetween } from '@skillgrid/shared';
import type { AssignmentStatus, IsoDate } from '@skillgrid/shared';
import type { StatusStyle } from './status-badge';

/** The derived assignment statuses (DESIGN §2) as words, with a colour that only helps scanning. */
export const ASSIGNMENT_STATUS_STYLES: Record<AssignmentStatus, StatusStyle> = {
  assigned: { label: 'Assigned', color: 'blue' },
  in_progress: { label: 'In progress', color: 'cyan' },
  completed: { label: 'Completed', color: 'teal' },
  overdue: { label: 'Overdue', color: 'red' },
  cancelled: { label: 'Cancelled', color: 'gray' },
};

/** Whether an assignment can still be extended or cancelled. */
export function isOpenAssignment(status: AssignmentStatus): boolean {
  return status === 'assigned' || status === 'in_progress' || status === 'overdue';
}

/** "due today", "in 3 days", "5 days late": how the due date stands on `today`, for open assignments. */
export function dueInWords(dueDate: IsoDate, today: IsoDate): string {
  const days = daysBetween(today, dueDate);
  if (days === 0) return 'due today';
  if (days > 0) return `in ${days} day${days === 1 ? '' : 's'}`;
  return `${-days} day${days === -1 ? '' : 's'} late`;
}
