import { fireEvent, screen, within } from '@testing-library/react';
import type { HeatmapDto, HeatmapGroupDto, HeatmapMetric } from '@skillgrid/shared';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { viridis } from '../../../components/charts/color-scale';
import { FormatProvider } from '../../../components/ui/format-context';
import { createFormatters, formatSettingsFrom } from '../../../lib/format';
import { makeAnalyticsSkill, makeHeatmap, makeHeatmapCell, makeHeatmapGroup, makeOrganisation } from '../../../testing/factories';
import { renderWithProviders } from '../../../testing/render';
import { SkillsHeatmap } from './skills-heatmap';

const finance = makeHeatmapGroup({ id: 1, name: 'Finance', hasChildren: true });
const payroll = makeHeatmapGroup({ id: 2, name: 'Payroll', headcount: 6, completeness: 0.3 });
const legal = makeHeatmapGroup({
  id: 3,
  name: 'Legal',
  headcount: null,
  withCredentials: null,
  completeness: null,
  suppressed: true,
});

const heatmap = makeHeatmap({
  privacyMinGroup: 5,
  groups: [finance, payroll, legal],
  skills: [makeAnalyticsSkill({ id: 1, name: 'Payroll processing' }), makeAnalyticsSkill({ id: 2, name: 'Tax law' })],
  cells: [
    // DESIGN §3's worked example: coverage 0.5, gap points 3, holders [3, 3, 2, 1, 0].
    makeHeatmapCell({ groupId: 1, skillId: 1 }),
    makeHeatmapCell({ groupId: 2, skillId: 1, coverage: 1, met: 4, gapPoints: 0, holders: [4, 4, 4, 0, 0] }),
    // Finance × Tax law and every Legal cell are left out by the API.
  ],
});

function Harness({ data = heatmap, onDrill }: { data?: HeatmapDto; onDrill?: (group: HeatmapGroupDto) => void }) {
  const [metric, setMetric] = useState<HeatmapMetric>('coverage');
  const [level, setLevel] = useState(3);
  return (
    <FormatProvider value={createFormatters(formatSettingsFrom(makeOrganisation(), 'en-GB'))}>
      <SkillsHeatmap
        heatmap={data}
        metric={metric}
        level={level}
        onMetricChange={setMetric}
        onLevelChange={setLevel}
        drillLabel={(group) =>
          group.suppressed
            ? null
            : group.hasChildren
              ? `Show the teams in ${group.name}`
              : `Show people × skills of ${group.name}`
        }
        onDrill={onDrill}
      />
    </FormatProvider>
  );
}

const cell = (group: string, skill: string) => screen.getByRole('gridcell', { name: new RegExp(`^${group}, ${skill}:`) });

describe(SkillsHeatmap.name, () => {
  it('colours each cell on the viridis scale, prints its figure and explains the scale in a legend', () => {
    renderWithProviders(<Harness />);

    const half = cell('Finance', 'Payroll processing');
    expect(half.textContent).toBe('50%');
    expect(half.getAttribute('aria-label')).toContain('Coverage 50%: 2 of 4 people who need it meet the level');
    expect(half.style.background).toBe(hexToRgb(viridis(0.5)));
    expect(cell('Payroll', 'Payroll processing').style.background).toBe(hexToRgb(viridis(1)));
    // A skill nobody needs is uncoloured, not 0%.
    const nothing = cell('Finance', 'Tax law');
    expect(nothing.textContent).toBe('');
    expect(nothing.getAttribute('aria-label')).toContain('nobody here needs this skill');

    const legend = screen.getByTestId('heatmap-legend');
    expect(within(legend).getByText(/^Coverage: share of the people/)).toBeTruthy();
    expect(within(legend).getByText('0%')).toBeTruthy();
    expect(within(legend).getByText('100%')).toBeTruthy();
    expect(within(legend).getByText('Withheld: fewer than 5 people')).toBeTruthy();
  });

  it('marks suppressed groups as withheld rather than showing zeros, and partial data in words', () => {
    renderWithProviders(<Harness />);

    const withheld = cell('Legal', 'Payroll processing');
    expect(withheld.dataset['suppressed']).toBe('true');
    expect(withheld.textContent).toBe('');
    expect(withheld.getAttribute('aria-label')).toBe('Legal, Payroll processing: Withheld for privacy: fewer than 5 people');
    const legalRow = screen.getByRole('rowheader', { name: /Legal/ });
    expect(within(legalRow).getByText('fewer than 5 people')).toBeTruthy();
    // Payroll: only 30% have any record, so its gaps may be missing records.
    expect(within(screen.getByRole('rowheader', { name: /Payroll/ })).getByText(/Partial data/)).toBeTruthy();
  });

  it('switches the metric, with a level for holders', () => {
    renderWithProviders(<Harness />);

    fireEvent.click(screen.getByRole('radio', { name: 'Gap points' }));
    expect(cell('Finance', 'Payroll processing').textContent).toBe('3');
    expect(screen.getByText(/^Gap points: levels short/)).toBeTruthy();
    // More gap points is worse: the scale runs the other way (0 is the light end).
    expect(cell('Payroll', 'Payroll processing').style.background).toBe(hexToRgb(viridis(1)));

    fireEvent.click(screen.getByRole('radio', { name: 'Average level' }));
    expect(cell('Finance', 'Payroll processing').textContent).toBe('2.3');

    fireEvent.click(screen.getByRole('radio', { name: 'Holders ≥ level' }));
    expect(cell('Finance', 'Payroll processing').textContent).toBe('2');
    fireEvent.change(screen.getByRole('combobox', { name: 'Holders at level' }), { target: { value: '4' } });
    expect(cell('Finance', 'Payroll processing').textContent).toBe('1');
    expect(screen.getByText('People at level 4 (Advanced) or above')).toBeTruthy();
  });

  it('moves focus between cells with the arrow keys, Home and End', () => {
    renderWithProviders(<Harness />);

    const first = cell('Finance', 'Payroll processing');
    expect(first.tabIndex).toBe(0);
    expect(cell('Finance', 'Tax law').tabIndex).toBe(-1);
    first.focus();

    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(cell('Finance', 'Tax law'));
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(cell('Payroll', 'Tax law'));
    expect(cell('Payroll', 'Tax law').tabIndex).toBe(0);
    // Past the edge stays put.
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(cell('Payroll', 'Tax law'));
    fireEvent.keyDown(document.activeElement as Element, { key: 'Home' });
    expect(document.activeElement?.textContent).toContain('Payroll');
    fireEvent.keyDown(document.activeElement as Element, { key: 'End', ctrlKey: true });
    expect(document.activeElement).toBe(cell('Legal', 'Tax law'));
  });

  it('drills down from a cell (Enter or click) or the group header, not from a withheld group', () => {
    const onDrill = vi.fn();
    renderWithProviders(<Harness onDrill={onDrill} />);

    const first = cell('Finance', 'Payroll processing');
    first.focus();
    fireEvent.keyDown(first, { key: 'Enter' });
    expect(onDrill).toHaveBeenLastCalledWith(finance);

    fireEvent.click(cell('Payroll', 'Tax law'));
    expect(onDrill).toHaveBeenLastCalledWith(payroll);

    fireEvent.click(screen.getByRole('button', { name: 'Show the teams in Finance' }));
    expect(onDrill).toHaveBeenCalledTimes(3);

    fireEvent.keyDown(cell('Legal', 'Tax law'), { key: 'Enter' });
    expect(onDrill).toHaveBeenCalledTimes(3);
    expect(screen.queryByRole('button', { name: /Legal/ })).toBeNull();
  });

  it('offers the same figures as a table', () => {
    renderWithProviders(<Harness />);

    fireEvent.click(screen.getByRole('radio', { name: 'Table' }));

    const table = screen.getByRole('table', { name: 'Coverage by team and skill' });
    const rows = within(table).getAllByRole('row');
    expect(within(rows[1]).getByRole('rowheader').textContent).toContain('Finance');
    expect(
      within(rows[1])
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['50%', '–']);
    expect(
      within(rows[3])
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['withheld', 'withheld']);
  });
});

function hexToRgb(hex: string) {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255})`;
}
