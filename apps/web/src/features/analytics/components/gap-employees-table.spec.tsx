import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeGapEmployeeRow } from '../../../testing/factories';
import { renderWithProviders } from '../../../testing/render';
import type { GapSort, SortOrder } from '../api/keys';
import { GapEmployeesTable } from './gap-employees-table';

function renderTable(sort: GapSort, order: SortOrder, onSortChange = vi.fn()) {
  renderWithProviders(
    <GapEmployeesTable
      employees={[
        makeGapEmployeeRow({
          gaps: [{ skillId: 1, skillName: 'Tax law', requiredLevel: 3, currentLevel: 1, gapPoints: 2, weight: 3 }],
        }),
        makeGapEmployeeRow({ employeeId: 8, name: 'Tom Berg', readiness: 0.8, gapPoints: 1, weightedGapPoints: 1, gaps: [] }),
      ]}
      sort={sort}
      order={order}
      onSortChange={onSortChange}
      employeeHref={(id) => `/employees/${id}`}
    />,
  );
  return { onSortChange, table: screen.getByRole('table', { name: "People short of their role's requirements" }) };
}

describe(GapEmployeesTable.name, () => {
  it('shows the server’s sort on its column header', () => {
    const { table } = renderTable('weightedGapPoints', 'desc');

    expect(within(table).getByRole('columnheader', { name: 'Weighted' }).getAttribute('aria-sort')).toBe('descending');
    expect(within(table).getByRole('columnheader', { name: 'Gap points' }).getAttribute('aria-sort')).toBe('none');
    // Team and role are not sortable on the server: no button, no aria-sort.
    const team = within(table).getByRole('columnheader', { name: 'Team' });
    expect(team.getAttribute('aria-sort')).toBeNull();
    expect(within(team).queryByRole('button')).toBeNull();
  });

  it('asks for a new sort: numbers largest first, names A to Z, the same column the other way', () => {
    const { table, onSortChange } = renderTable('weightedGapPoints', 'desc');

    fireEvent.click(within(table).getByRole('button', { name: 'Gap points' }));
    expect(onSortChange).toHaveBeenLastCalledWith('gapPoints', 'desc');

    fireEvent.click(within(table).getByRole('button', { name: 'Name' }));
    expect(onSortChange).toHaveBeenLastCalledWith('name', 'asc');

    fireEvent.click(within(table).getByRole('button', { name: 'Weighted' }));
    expect(onSortChange).toHaveBeenLastCalledWith('weightedGapPoints', 'asc');
  });

  it('names each gap with its levels and marks critical ones in words', () => {
    const { table } = renderTable('name', 'asc');

    const [, priya, tom] = within(table).getAllByRole('row');
    expect(within(priya).getByRole('link', { name: 'Priya Shah' }).getAttribute('href')).toBe('/employees/7');
    expect(within(priya).getByText('Tax law: 1 → 3 (critical)')).toBeTruthy();
    expect(within(tom).getByText('80%')).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort')).toBe('ascending');
  });
});
