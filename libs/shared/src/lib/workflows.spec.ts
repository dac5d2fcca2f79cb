import { assignmentReminder, effectivenessFigures, median } from './workflows';

describe('effectiveness figures', () => {
  const today = '2025-06-30';
  it('follows DESIGN §3 on a hand-computed set of assignments', () => {
    const figures = effectivenessFigures(
      [
        { assignedAt: '2025-01-01', dueDate: '2025-02-01', completedAt: '2025-01-11' }, // 10 days, on time
        { assignedAt: '2025-01-01', dueDate: '2025-02-01', completedAt: '2025-02-10' }, // 40 days, late
        { assignedAt: '2025-03-01', dueDate: '2025-04-01', completedAt: null }, // open past due
        { assignedAt: '2025-06-01', dueDate: '2025-07-31', completedAt: null }, // open, not yet due: not decided
        { assignedAt: '2025-02-01', dueDate: '2025-03-01', completedAt: '2025-02-21' }, // 20 days
      ],
      today,
      12,
      3 * 250,
    );
    expect(figures).toEqual({
      assigned: 5,
      completed: 3,
      completionRate: 3 / 4,
      medianDaysToComplete: 20,
      overdueShare: 2 / 4,
      gapPointsClosed: 12,
      costPerGapPoint: 62.5,
    });
  });

  it('answers null where a denominator is 0', () => {
    expect(effectivenessFigures([{ assignedAt: '2025-06-01', dueDate: '2025-07-01', completedAt: null }], today, 0, 0)).toEqual({
      assigned: 1,
      completed: 0,
      completionRate: null,
      medianDaysToComplete: null,
      overdueShare: null,
      gapPointsClosed: 0,
      costPerGapPoint: null,
    });
  });

  it('takes the middle of an even count as the mean of the two', () => {
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeNull();
  });
});

describe('assignment reminders', () => {
  it('marks overdue, due within 14 days, and nothing beyond', () => {
    expect(assignmentReminder('2025-06-29', '2025-06-30')).toEqual({ kind: 'assignment_overdue', daysLeft: -1 });
    expect(assignmentReminder('2025-06-30', '2025-06-30')).toEqual({ kind: 'assignment_due', daysLeft: 0 });
    expect(assignmentReminder('2025-07-14', '2025-06-30')).toEqual({ kind: 'assignment_due', daysLeft: 14 });
    expect(assignmentReminder('2025-07-15', '2025-06-30')).toBeNull();
  });
});
