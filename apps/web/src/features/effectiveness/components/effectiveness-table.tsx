import { Badge, Group, Text } from '@mantine/core';
import type { EffectivenessDto } from '@skillgrid/shared';
import { createColumnHelper, type CellContext } from '@tanstack/react-table';
import { useMemo, type ReactNode } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { useFormat } from '../../../components/ui/format-context';
import type { EffectivenessSort } from '../api/keys';
import { NotAvailable } from './not-available';

const column = createColumnHelper<EffectivenessDto>();

/** Why a figure is empty (DESIGN §3: null where a denominator is 0). */
export const NULL_REASONS = {
  completionRate: 'Nothing assigned in the period has come due or been completed yet.',
  medianDaysToComplete: 'Nobody assigned it in the period has completed it yet.',
  overdueShare: 'Nothing assigned in the period has come due or been completed yet.',
  costPerGapPoint: 'Its completions in the period closed no gap to anyone’s role.',
} as const;

function figure(value: number | null, format: (value: number) => string, reason: string): ReactNode {
  return value === null ? <NotAvailable reason={reason} /> : format(value);
}

interface EffectivenessTableProps {
  items: EffectivenessDto[];
  kind: 'credential' | 'cluster';
  sorting: { id: EffectivenessSort; desc: boolean };
  onSortingChange: (sorting: { id: EffectivenessSort; desc: boolean }) => void;
  stale?: boolean;
  empty?: ReactNode;
}

export function EffectivenessTable({ items, kind, sorting, onSortingChange, stale, empty }: EffectivenessTableProps) {
  const format = useFormat();
  const columns = useMemo(() => {
    const number = (info: CellContext<EffectivenessDto, number>) => format.number(info.getValue());
    return [
      column.accessor('name', {
        header: kind === 'cluster' ? 'Cluster' : 'Credential',
        cell: ({ row: { original } }) => (
          <Group gap={6} wrap="nowrap">
            <Text size="sm">{original.name}</Text>
            {original.status === 'retired' ? (
              <Badge size="xs" color="gray" variant="outline" tt="none">
                Retired
              </Badge>
            ) : null}
          </Group>
        ),
      }),
      column.accessor('hours', {
        header: 'Hours',
        cell: (info) => format.number(info.getValue(), 1),
        enableSorting: false,
        meta: { nowrap: true },
      }),
      column.accessor('cost', {
        header: 'Cost',
        cell: (info) => format.money(info.getValue()),
        enableSorting: false,
        meta: { nowrap: true },
      }),
      column.accessor('assigned', { header: 'Assigned', cell: number }),
      column.accessor('completed', { header: 'Completed', cell: number, enableSorting: false }),
      column.accessor('completionRate', {
        header: 'Completion rate',
        cell: (info) => figure(info.getValue(), format.percent, NULL_REASONS.completionRate),
        meta: { nowrap: true },
      }),
      column.accessor('medianDaysToComplete', {
        header: 'Median days',
        cell: (info) => figure(info.getValue(), (value) => format.number(value, 1), NULL_REASONS.medianDaysToComplete),
      }),
      column.accessor('overdueShare', {
        header: 'Overdue share',
        cell: (info) => figure(info.getValue(), format.percent, NULL_REASONS.overdueShare),
      }),
      column.accessor('completions', { header: 'Completions', cell: number, enableSorting: false }),
      column.accessor('gapPointsClosed', { header: 'Gap points closed', cell: (info) => format.number(info.getValue(), 1) }),
      column.accessor('costPerGapPoint', {
        header: 'Cost per gap point',
        cell: (info) => figure(info.getValue(), format.money, NULL_REASONS.costPerGapPoint),
        meta: { nowrap: true },
      }),
    ];
  }, [format, kind]);

  return (
    <DataTable
      data={items}
      columns={columns}
      caption={kind === 'cluster' ? 'Cluster effectiveness' : 'Credential effectiveness'}
      getRowId={(item) => `${item.kind}-${item.id}`}
      minWidth={1180}
      sorting={sorting}
      onSortingChange={(next) => onSortingChange({ id: next.id as EffectivenessSort, desc: next.desc })}
      stale={stale}
      empty={empty}
    />
  );
}
