import { Anchor, Text, VisuallyHidden } from '@mantine/core';
import type { CompletionDto, IsoDate } from '@skillgrid/shared';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { EmptyState } from '../../../components/ui/empty-state';
import { useFormat } from '../../../components/ui/format-context';
import { StatusBadge } from '../../../components/ui/status-badge';
import { COMPLETION_SOURCE_LABELS, COMPLETION_STATUS_STYLES } from './labels';

const column = createColumnHelper<CompletionDto>();

/** Only web links become anchors: a `javascript:` URL from an import must never be clickable. */
function safeHttpUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function CompletionsTable({ completions, asOf }: { completions: CompletionDto[]; asOf: IsoDate }) {
  const format = useFormat();
  const columns = useMemo(
    () => [
      column.accessor('credentialName', { header: 'Credential' }),
      column.accessor('awardedAt', { header: 'Awarded', cell: (info) => format.date(info.getValue()), meta: { nowrap: true } }),
      column.accessor('expiresAt', {
        header: 'Expires',
        cell: (info) => {
          const expiresAt = info.getValue();
          if (!expiresAt)
            return (
              <Text size="sm" c="dimmed">
                Never
              </Text>
            );
          return expiresAt <= asOf ? `Expired ${format.date(expiresAt)}` : format.date(expiresAt);
        },
        meta: { nowrap: true },
      }),
      column.accessor('source', {
        header: 'Source',
        cell: (info) => COMPLETION_SOURCE_LABELS[info.getValue()] ?? info.getValue(),
      }),
      column.accessor('status', {
        header: 'Status',
        cell: (info) => <StatusBadge status={info.getValue()} styles={COMPLETION_STATUS_STYLES} />,
        meta: { nowrap: true },
      }),
      column.accessor('evidenceUrl', {
        header: 'Evidence',
        cell: ({ row: { original } }) => {
          const href = safeHttpUrl(original.evidenceUrl);
          return href ? (
            // The name read out starts with the words on screen ("View evidence for …"), so voice
            // control users can say what they see.
            <Anchor href={href} target="_blank" rel="noopener noreferrer" size="sm">
              View evidence
              <VisuallyHidden> for {original.credentialName} (opens in a new tab)</VisuallyHidden>
              <span aria-hidden="true"> ↗</span>
            </Anchor>
          ) : (
            <Text size="sm" c="dimmed">
              None
            </Text>
          );
        },
        meta: { nowrap: true },
      }),
    ],
    [format, asOf],
  );

  return (
    <DataTable
      data={completions}
      columns={columns}
      caption="Credential completions"
      getRowId={(completion) => String(completion.id)}
      minWidth={760}
      singleLineOnPhone
      empty={
        <EmptyState
          title="No completions yet"
          description="Completions appear here once they are imported from a CSV, entered by HR or uploaded as a badge."
        />
      }
    />
  );
}
