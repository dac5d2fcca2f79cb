import { Group, NativeSelect, SegmentedControl } from '@mantine/core';
import { HEATMAP_METRICS, MAX_LEVEL } from '@skillgrid/shared';
import type { HeatmapDto, HeatmapGroupDto, HeatmapMetric } from '@skillgrid/shared';
import { useCallback, useMemo } from 'react';
import { Heatmap, type HeatmapRow } from '../../../components/charts/heatmap';
import { useFormat } from '../../../components/ui/format-context';
import { cellLookup, groupKey, heatmapCell, heatmapColumns, heatmapRow, METRIC_LABELS, metricScale } from '../utils/heatmap-grid';

const GROUP_NOUNS: Record<HeatmapDto['groupBy'], string> = { team: 'Team', role: 'Role', location: 'Location' };

interface SkillsHeatmapProps {
  heatmap: HeatmapDto;
  metric: HeatmapMetric;
  /** For the holders metric: at this level or above. */
  level: number;
  onMetricChange: (metric: HeatmapMetric) => void;
  onLevelChange: (level: number) => void;
  /** How a group drills down, if it does: its button's label ("Show the teams in Finance"). */
  drillLabel?: (group: HeatmapGroupDto) => string | null;
  onDrill?: (group: HeatmapGroupDto) => void;
}

/** The skills heatmap of groups × skills, in the chosen metric, with its legend and table view. */
export function SkillsHeatmap({
  heatmap,
  metric,
  level,
  onMetricChange,
  onLevelChange,
  drillLabel,
  onDrill,
}: SkillsHeatmapProps) {
  const format = useFormat();
  const minGroup = heatmap.privacyMinGroup ?? format.settings.privacyMinGroup;
  const choice = useMemo(() => ({ metric, level }), [metric, level]);
  const lookup = useMemo(() => cellLookup(heatmap), [heatmap]);

  const columns = useMemo(() => heatmapColumns(heatmap.skills), [heatmap.skills]);
  const rows = useMemo(
    () =>
      heatmap.groups.map((group) => {
        const label = drillLabel?.(group) ?? null;
        return heatmapRow(group, format, minGroup, { drillable: label !== null, actionLabel: label ?? undefined });
      }),
    [heatmap.groups, drillLabel, format, minGroup],
  );
  const scale = useMemo(
    () =>
      metricScale(
        heatmap.groups.flatMap((group) => heatmap.skills.map((skill) => lookup(group, skill))),
        choice,
        format,
      ),
    [heatmap.groups, heatmap.skills, lookup, choice, format],
  );
  const getCell = useCallback(
    (rowIndex: number, columnIndex: number) =>
      heatmapCell(lookup(heatmap.groups[rowIndex], heatmap.skills[columnIndex]), choice, format, minGroup),
    [lookup, heatmap.groups, heatmap.skills, choice, format, minGroup],
  );
  const groupsByKey = useMemo(() => new Map(heatmap.groups.map((group) => [groupKey(group), group])), [heatmap.groups]);
  const onRowActivate = useMemo(
    () =>
      onDrill
        ? (row: HeatmapRow) => {
            const group = groupsByKey.get(row.id);
            if (group) onDrill(group);
          }
        : undefined,
    [onDrill, groupsByKey],
  );

  const metricLabel = metric === 'holders' ? `${METRIC_LABELS.holders} at level ${level} or above` : METRIC_LABELS[metric];
  const actions = (
    <Group gap="xs" wrap="wrap">
      <SegmentedControl
        size="xs"
        aria-label="Metric"
        value={metric}
        onChange={(value) => onMetricChange(value as HeatmapMetric)}
        data={HEATMAP_METRICS.map((value) => ({ value, label: value === 'holders' ? 'Holders ≥ level' : METRIC_LABELS[value] }))}
      />
      {metric === 'holders' ? (
        <NativeSelect
          size="xs"
          aria-label="Holders at level"
          value={String(level)}
          onChange={(event) => onLevelChange(Number(event.currentTarget.value))}
          data={Array.from({ length: MAX_LEVEL }, (_, index) => ({
            value: String(index + 1),
            label: `≥ ${index + 1} · ${format.levelLabel(index + 1)}`,
          }))}
        />
      ) : null}
    </Group>
  );

  return (
    <Heatmap
      title={`${metricLabel} by ${GROUP_NOUNS[heatmap.groupBy].toLowerCase()} and skill`}
      description={`As of ${format.date(heatmap.asOf)} · ${heatmap.groups.length} ${heatmap.groups.length === 1 ? 'group' : 'groups'} × ${heatmap.skills.length} ${heatmap.skills.length === 1 ? 'skill' : 'skills'}`}
      rows={rows}
      columns={columns}
      getCell={getCell}
      scale={scale}
      rowHeaderLabel={GROUP_NOUNS[heatmap.groupBy]}
      suppressedLabel={`Withheld: fewer than ${minGroup} people`}
      emptyLabel="Nothing to measure (nobody needs the skill)"
      onRowActivate={onRowActivate}
      actions={actions}
    />
  );
}
