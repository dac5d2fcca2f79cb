import { Group, SegmentedControl, Stack, Switch, Text, type ComboboxItem } from '@mantine/core';
import type { HeatmapGroupBy, IsoDate, SkillKind } from '@skillgrid/shared';
import { useId } from 'react';
import { AsOfInput } from './as-of-input';
import { SkillKindSelect } from './skill-kind-select';
import { FilterSelect } from './filter-select';

export interface HeatmapFilterValues {
  groupBy: HeatmapGroupBy;
  includeSubteams: boolean;
  asOf?: IsoDate;
  category?: number;
  kind?: SkillKind;
}

interface HeatmapFiltersProps {
  values: HeatmapFilterValues;
  onChange: (changes: Partial<HeatmapFilterValues>) => void;
  categoryOptions: ComboboxItem[];
  categoriesLoading?: boolean;
  /** Executives: whole sub-trees and month-ends only (DESIGN §3). */
  aggregateOnly: boolean;
  today?: IsoDate;
}

export function HeatmapFilters({
  values,
  onChange,
  categoryOptions,
  categoriesLoading,
  aggregateOnly,
  today,
}: HeatmapFiltersProps) {
  const groupByLabel = useId();
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Stack gap={4}>
        <Text size="sm" fw={500} id={groupByLabel}>
          Group by
        </Text>
        <SegmentedControl
          aria-labelledby={groupByLabel}
          value={values.groupBy}
          onChange={(value) => onChange({ groupBy: value as HeatmapGroupBy })}
          data={[
            { value: 'team', label: 'Team' },
            { value: 'role', label: 'Role' },
            { value: 'location', label: 'Location' },
          ]}
        />
      </Stack>
      <FilterSelect
        label="Skill category"
        allLabel="All categories"
        value={values.category}
        onChange={(category) => onChange({ category })}
        options={categoryOptions}
        loading={categoriesLoading}
        w={220}
      />
      <SkillKindSelect value={values.kind} onChange={(kind) => onChange({ kind })} />
      <AsOfInput value={values.asOf} onChange={(asOf) => onChange({ asOf })} monthEndsOnly={aggregateOnly} max={today} />
      {values.groupBy === 'team' && !aggregateOnly ? (
        <Switch
          label="Include sub-teams"
          checked={values.includeSubteams}
          onChange={(event) => onChange({ includeSubteams: event.currentTarget.checked })}
          mb={8}
        />
      ) : null}
    </Group>
  );
}
