import { Anchor, Badge, Text } from '@mantine/core';
import type { ExpiringCompletionDto } from '@skillgrid/shared';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../../../components/ui/data-table';
import { useFormat } from '../../../components/ui/format-context';

interface ExpiringTableProps {
  items: ExpiringCompletionDto[];
  employeeHref: (id: number) => string;
  stale?: boolean;
  empty?: ReactNode;
}

const column = createColumnHelper<ExpiringCompletionDto>();
const SOON_DAYS = 30;

/** Credentials about to lapse, soonest first, with the person who holds each. */
export function ExpiringTable({ items, employeeHref, stale, empty }: ExpiringTableProps) {
  const format = useFormat();
  const columns = useMemo(
    () => [
      column.accessor('employeeName', {
        header: 'Person',
        cell: ({ row: { original } }) => (
          <Anchor component={Link} to={employeeHref(original.employeeId)} size="sm" fw={500}>
            {original.employeeName}
          </Anchor>
        ),
        meta: { nowrap: true },
      }),
      column.accessor('teamName', { header: 'Team' }),
      column.accessor('credentialName', { header: 'Credential' }),
      column.accessor('awardedAt', { header: 'Awarded', cell: (info) => format.date(info.getValue()), meta: { nowrap: true } }),
      column.accessor('expiresAt', { header: 'Expires', cell: (info) => format.date(info.getValue()), meta: { nowrap: true } }),
      column.accessor('daysLeft', {
        header: 'Days left',
        cell: (info) =>
          info.getValue() <= SOON_DAYS ? (
            <Badge color="orange" variant="light" tt="none">
              {info.getValue() === 1 ? '1 day' : `${info.getValue()} days`}
            </Badge>
          ) : (
            <Text size="sm">{info.getValue()} days</Text>
          ),
        meta: { nowrap: true },
      }),
    ],
    [format, employeeHref],
  );
  return (
    <DataTable
      data={items}
      columns={columns}
      caption="Credentials expiring in the window, soonest first"
      getRowId={(item) => String(item.completionId)}
      minWidth={860}
      stale={stale}
      empty={empty}
    />
  );
}
