import { Anchor, Group, Text, VisuallyHidden } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../../../components/ui/data-table';
import { useFormat } from '../../../components/ui/format-context';
import { Suppressed } from '../../../components/ui/suppressed';
import type { TeamTreeRow } from '../utils/team-tree';

interface TeamTreeTableProps {
  rows: TeamTreeRow[];
  /** Where a team's name links to; no link when undefined (exec sees aggregates only). */
  teamHref?: (teamId: number) => string;
  /**
   * Executives see aggregates of whole sub-trees only: no manager names, and no direct-member
   * counts (a parent's direct count is the difference of two sub-tree counts).
   */
  aggregateOnly: boolean;
  empty?: ReactNode;
  /** A row's actions (HR edits teams). */
  actions?: (team: TeamTreeRow['team']) => ReactNode;
}

const INDENT_PX = 20;

const column = createColumnHelper<TeamTreeRow>();

export function TeamTreeTable({ rows, teamHref, aggregateOnly, empty, actions }: TeamTreeTableProps) {
  const format = useFormat();
  const minGroup = format.settings.privacyMinGroup;

  const columns = useMemo(() => {
    const count = (value: number | null) => (value === null ? <Suppressed minGroup={minGroup} /> : format.number(value));
    return [
      column.display({
        id: 'name',
        header: 'Team',
        cell: ({ row: { original } }) => (
          <Group gap={6} wrap="nowrap" style={{ paddingLeft: original.level * INDENT_PX }}>
            <Text component="span" c="dimmed" aria-hidden="true" size="xs" w={10}>
              {original.level > 0 ? '└' : ''}
            </Text>
            {teamHref ? (
              <Anchor component={Link} to={teamHref(original.team.id)} fw={original.level === 0 ? 600 : 400}>
                {original.team.name}
              </Anchor>
            ) : (
              <Text component="span" fw={original.level === 0 ? 600 : 400}>
                {original.team.name}
              </Text>
            )}
            {original.parentName ? <VisuallyHidden>, in {original.parentName}</VisuallyHidden> : null}
          </Group>
        ),
      }),
      ...(!aggregateOnly
        ? [
            column.display({
              id: 'manager',
              header: 'Manager',
              cell: ({ row: { original } }) => original.team.managerName ?? <Text c="dimmed">No manager</Text>,
            }),
          ]
        : []),
      ...(!aggregateOnly
        ? [
            column.display({
              id: 'headcount',
              header: 'People in team',
              cell: ({ row: { original } }) => count(original.team.headcount),
            }),
          ]
        : []),
      column.display({
        id: 'subtree',
        header: 'Including sub-teams',
        cell: ({ row: { original } }) => count(original.team.subtreeHeadcount),
      }),
      ...(actions
        ? [column.display({ id: 'actions', header: 'Actions', cell: ({ row: { original } }) => actions(original.team) })]
        : []),
    ];
  }, [format, minGroup, aggregateOnly, teamHref, actions]);

  return (
    <DataTable
      data={rows}
      columns={columns}
      caption="Teams, indented under their parent team, with manager and headcounts"
      getRowId={(row) => String(row.team.id)}
      minWidth={560}
      singleLineOnPhone
      empty={empty}
    />
  );
}
