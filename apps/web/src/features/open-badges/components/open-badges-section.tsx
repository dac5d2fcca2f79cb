import { Anchor, Badge, Skeleton, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { CompletionDto, OpenBadgeImportDto } from '@skillgrid/shared';
import { ErrorState } from '../../../components/ui/error-state';
import { useFormat } from '../../../components/ui/format-context';
import { openBadgeDownloadUrl } from '../api/download-open-badge';
import { useOpenBadgeImports } from '../api/get-open-badge-imports';
import { OpenBadgeUpload } from './open-badge-upload';

const IMPORT_STATUS: Record<OpenBadgeImportDto['status'], { label: string; color: string }> = {
  valid: { label: 'Valid', color: 'teal' },
  pending: { label: 'Pending review', color: 'yellow' },
  revoked: { label: 'Revoked', color: 'red' },
};

interface OpenBadgesSectionProps {
  /** The profile's completions: the valid ones can be downloaded as signed Open Badges. */
  completions: CompletionDto[];
  /** Whose profile (HR and managers); omitted on My skills. */
  employeeId?: number;
  /** Speaks to the reader ("your badges") on My skills. */
  self?: boolean;
}

function ImportedBadges({ employeeId }: { employeeId?: number }) {
  const format = useFormat();
  const imports = useOpenBadgeImports(employeeId);
  if (imports.isPending) return <Skeleton height={64} radius="sm" />;
  if (imports.isError)
    return <ErrorState error={imports.error} title="Could not load the imported badges" onRetry={() => void imports.refetch()} />;
  if (!imports.data.items.length)
    return (
      <Text size="sm" c="dimmed">
        No badges imported yet.
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped withTableBorder>
        <Table.Caption>Imported Open Badges and what they became</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Badge</Table.Th>
            <Table.Th scope="col">Issuer</Table.Th>
            <Table.Th scope="col">Awarded</Table.Th>
            <Table.Th scope="col">Credential</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {imports.data.items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>{item.achievementName}</Table.Td>
              <Table.Td>{item.issuerName ?? '—'}</Table.Td>
              <Table.Td>{format.date(item.awardedAt)}</Table.Td>
              <Table.Td>{item.credentialName ?? 'Not mapped yet (HR)'}</Table.Td>
              <Table.Td>
                <Badge color={IMPORT_STATUS[item.status].color} variant="light" radius="sm" tt="none">
                  {IMPORT_STATUS[item.status].label}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Open Badges on a profile: import a badge (verified offline, then recorded), the badges
 * imported so far, and each valid credential as a signed Open Badge 3.0 to download.
 */
export function OpenBadgesSection({ completions, employeeId, self = employeeId === undefined }: OpenBadgesSectionProps) {
  const format = useFormat();
  const downloadable = completions.filter((completion) => completion.status === 'valid');
  return (
    <Stack gap="md">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {self ? 'Import my badge' : 'Import a badge'}
        </Title>
        <OpenBadgeUpload employeeId={employeeId} />
      </Stack>
      <Stack gap="xs">
        <Title order={3} size="h5">
          Imported badges
        </Title>
        <ImportedBadges employeeId={employeeId} />
      </Stack>
      <Stack gap="xs">
        <Title order={3} size="h5">
          Download as Open Badge
        </Title>
        {downloadable.length ? (
          <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {downloadable.map((completion) => (
              <li key={completion.id}>
                <Text size="sm" component="span">
                  {completion.credentialName} ({format.date(completion.awardedAt)}):{' '}
                </Text>
                <Anchor href={openBadgeDownloadUrl(completion.id)} download size="sm">
                  Download as Open Badge
                  <VisuallyHidden>
                    {' '}
                    {completion.credentialName}, awarded {format.date(completion.awardedAt)}
                  </VisuallyHidden>
                </Anchor>
              </li>
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            No valid credentials to download yet.
          </Text>
        )}
        <Text size="xs" c="dimmed">
          Signed Open Badges 3.0 credentials (eddsa-rdfc-2022, the organisation’s did:key): any Open Badges verifier can check
          them.
        </Text>
      </Stack>
    </Stack>
  );
}
