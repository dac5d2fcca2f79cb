import { Badge } from '@mantine/core';
import type { CapabilityTargetDto } from '@skillgrid/shared';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, type ReactNode } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { useFormat } from '../../../components/ui/format-context';
import { Suppressed } from '../../../components/ui/suppressed';

const column = createColumnHelper<CapabilityTargetDto>();

/** Team capability targets (N people at level ≥ L in a skill): met, or short by how many. */
export function CapabilityTargetsTable({ targets, empty }: { targets: CapabilityTargetDto[]; empty?: ReactNode }) {
  const format = useFormat();
  const minGroup = format.settings.privacyMinGroup;
  // Short targets first, the furthest short at the top.
  const sorted = useMemo(
    () => [...targets].sort((a, b) => (b.short ?? -1) - (a.short ?? -1) || a.teamName.localeCompare(b.teamName)),
    [targets],
  );
  const columns = useMemo(
    () => [
      column.accessor('teamName', { header: 'Team' }),
      column.accessor('skillName', { header: 'Skill' }),
      column.accessor('minLevel', {
        header: 'At level',
        cell: (info) => `≥ ${format.level(info.getValue())}`,
        meta: { nowrap: true },
      }),
      column.accessor('requiredCount', { header: 'Target', cell: (info) => `${format.number(info.getValue())} people` }),
      column.accessor('holders', {
        header: 'Holders',
        cell: (info) => (info.getValue() === null ? <Suppressed minGroup={minGroup} /> : format.number(info.getValue())),
      }),
      column.display({
        id: 'status',
        header: 'Status',
        cell: ({ row: { original } }) =>
          original.met === null ? (
            <Suppressed minGroup={minGroup} label="withheld" />
          ) : original.met ? (
            <Badge color="teal" variant="light" tt="none">
              ✓ Met
            </Badge>
          ) : (
            <Badge color="orange" variant="light" tt="none">
              Short by {original.short}
            </Badge>
          ),
      }),
    ],
    [format, minGroup],
  );
  return (
    <DataTable
      data={sorted}
      columns={columns}
      caption="Capability targets: met, or short by how many people"
      getRowId={(target) => String(target.id)}
      minWidth={720}
      empty={empty}
    />
  );
}
