import { fireEvent, screen, within } from '@testing-library/react';
import type { EmployeeProfileDto } from '@skillgrid/shared';
import { describe, expect, it } from 'vitest';
import { FormatProvider } from '../../../components/ui/format-context';
import { createFormatters, formatSettingsFrom } from '../../../lib/format';
import { makeAssignment, makeEmployee, makeOrganisation } from '../../../testing/factories';
import { renderWithProviders } from '../../../testing/render';
import { EmployeeProfileView } from './employee-profile';

function makeProfile(overrides: Partial<EmployeeProfileDto> = {}): EmployeeProfileDto {
  return {
    employee: {
      ...makeEmployee({ id: 7, name: 'Priya Shah', roleName: 'Payroll Officer', teamName: 'Payroll' }),
      hireDate: '2021-03-01',
      leaveDate: null,
      targetRoleId: null,
      targetRoleName: null,
      managerEmployeeId: 2,
      managerName: 'Mina Patel',
    },
    asOf: '2025-06-30',
    skills: [
      {
        skillId: 1,
        skillName: 'Payroll processing',
        category: 'Finance',
        kind: 'hard',
        level: 3,
        expiresAt: '2025-08-31',
        credentials: [{ id: 9, name: 'Payroll Practitioner' }],
      },
    ],
    roleReadiness: 0.6,
    gaps: [
      { skillId: 2, skillName: 'Tax law', requiredLevel: 3, currentLevel: 1, gapPoints: 2, weight: 3 },
      { skillId: 1, skillName: 'Payroll processing', requiredLevel: 3, currentLevel: 3, gapPoints: 0, weight: 2 },
    ],
    targetRoleReadiness: null,
    targetGaps: [],
    completions: [
      {
        id: 1,
        employeeId: 7,
        employeeName: 'Priya Shah',
        credentialId: 9,
        credentialName: 'Payroll Practitioner',
        awardedAt: '2024-08-31',
        expiresAt: '2025-08-31',
        source: 'open_badges',
        evidenceUrl: 'javascript:alert(1)',
        score: null,
        status: 'valid',
      },
    ],
    assignments: [
      makeAssignment({
        status: 'overdue',
        done: 1,
        total: 3,
        steps: [
          { credentialId: 9, credentialName: 'Payroll Practitioner', hours: 12, cost: 300, completedAt: '2025-02-01' },
          { credentialId: 10, credentialName: 'Tax law basics', hours: 6, cost: 150, completedAt: null },
          { credentialId: 11, credentialName: 'Year-end payroll', hours: 8, cost: 200, completedAt: null },
        ],
      }),
    ],
    ...overrides,
  };
}

function renderProfile(profile: EmployeeProfileDto) {
  const formatters = createFormatters(formatSettingsFrom(makeOrganisation(), 'en-GB'));
  return renderWithProviders(
    <FormatProvider value={formatters}>
      <EmployeeProfileView profile={profile} />
    </FormatProvider>,
  );
}

describe(EmployeeProfileView.name, () => {
  it('shows readiness, every requirement with its gap, and marks critical ones in words', async () => {
    renderProfile(makeProfile());

    expect(screen.getByRole('heading', { level: 1, name: 'Priya Shah' })).toBeTruthy();
    expect(screen.getByText('60%')).toBeTruthy();
    expect(screen.getByText(/1 of 2 requirements met; 1 critical skill short/)).toBeTruthy();

    const gaps = screen.getByRole('table', { name: 'Requirements of Payroll Officer and the gap to each' });
    const [, tax, payroll] = within(gaps).getAllByRole('row');
    expect(within(tax).getByText('Critical')).toBeTruthy();
    expect(within(tax).getByText('Short by 2')).toBeTruthy();
    expect(within(payroll).getByText('✓ Met')).toBeTruthy();
    expect(within(payroll).getAllByText('3 · Practitioner')).toHaveLength(2);
  });

  it('offers the chart’s numbers as a table', async () => {
    renderProfile(makeProfile());

    fireEvent.click(await screen.findByRole('radio', { name: 'Table' }));

    const table = await screen.findByRole('table', { name: /Current vs required level/ });
    expect(within(table).getByRole('rowheader', { name: 'Tax law (critical)' })).toBeTruthy();
    expect(within(table).getByText('1 · Awareness')).toBeTruthy();
  });

  it('lists completions and assignments without turning unsafe evidence links into links', () => {
    renderProfile(makeProfile());

    const completions = screen.getByRole('table', { name: 'Credential completions' });
    expect(within(completions).getByText('Open Badges')).toBeTruthy();
    expect(within(completions).queryByRole('link')).toBeNull();

    const assignments = screen.getByRole('table', { name: 'Assignments with progress' });
    expect(within(assignments).getByText('1/3')).toBeTruthy();
    expect(within(assignments).getByText('Overdue')).toBeTruthy();
  });
});
