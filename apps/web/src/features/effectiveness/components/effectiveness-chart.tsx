import { SegmentedControl } from '@mantine/core';
import type { EffectivenessDto } from '@skillgrid/shared';
import { useState } from 'react';
import { CategoryBarChart } from '../../../components/charts/category-bar-chart';
import { ScatterChart } from '../../../components/charts/scatter-chart';
import { useFormat } from '../../../components/ui/format-context';

const TOP = 25;

/** The rows on screen as a chart: completion rate against cost per gap point, or gap points closed. */
export function EffectivenessChart({ items, kind }: { items: EffectivenessDto[]; kind: 'credential' | 'cluster' }) {
  const format = useFormat();
  const [view, setView] = useState<'scatter' | 'bars'>('scatter');
  const noun = kind === 'cluster' ? 'Cluster' : 'Credential';
  const switcher = (
    <SegmentedControl
      size="xs"
      aria-label="Chart"
      value={view}
      onChange={(value) => setView(value === 'bars' ? 'bars' : 'scatter')}
      data={[
        { value: 'scatter', label: 'Rate vs cost' },
        { value: 'bars', label: 'Gap points closed' },
      ]}
    />
  );

  if (view === 'bars') {
    const top = [...items].sort((a, b) => b.gapPointsClosed - a.gapPointsClosed).slice(0, TOP);
    return (
      <CategoryBarChart
        title="Gap points closed"
        description={`The ${top.length === items.length ? '' : `top ${top.length} of the `}${kind}s listed, by the gap points their completions closed in the period.`}
        data={top.map((item) => ({ id: item.id, label: item.name, value: item.gapPointsClosed }))}
        valueLabel="Gap points closed"
        categoryLabel={noun}
        format={(value) => format.number(value, 1)}
        actions={switcher}
      />
    );
  }
  return (
    <ScatterChart
      title="Completion rate vs cost per gap point"
      description={`Each point is a ${kind} listed below: up and to the left is better (more completed, less spent per point).`}
      data={items.map((item) => ({ id: item.id, label: item.name, x: item.costPerGapPoint, y: item.completionRate }))}
      x={{ label: 'Cost per gap point', format: (value) => format.money(value) }}
      y={{ label: 'Completion rate', format: (value) => format.percent(value), domain: [0, 1] }}
      categoryLabel={noun}
      missingNote={(count) =>
        `${count} ${count === 1 ? kind : `${kind}s`} left out of the chart: no completion rate or cost per gap point yet (see the table).`
      }
      actions={switcher}
    />
  );
}
