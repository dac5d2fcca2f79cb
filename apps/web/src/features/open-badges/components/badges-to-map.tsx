import {
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
  type ComboboxItem,
  type ComboboxItemGroup,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OpenBadgeImportDto, OpenBadgeSuggestionDto } from '@skillgrid/shared';
import { useEffect, useMemo, useState } from 'react';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState, errorMessage } from '../../../components/ui/error-state';
import { useFormat } from '../../../components/ui/format-context';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { TableSkeleton } from '../../../components/ui/table-skeleton';
import { BADGES_TO_MAP_PAGE_SIZE as PAGE_SIZE, useBadgesToMap } from '../api/get-open-badge-imports';
import { useMapOpenBadge } from '../api/map-open-badge';
import { CHECK_LABELS, UNCHECKED_WHEN_FAILED } from './labels';

interface BadgesToMapProps {
  /** The active catalogue credentials to choose from. */
  credentials: ComboboxItem[];
  credentialsLoading?: boolean;
}

function suggestionReason(suggestion: OpenBadgeSuggestionDto): string {
  switch (suggestion.reason) {
    case 'name':
      return 'same name';
    case 'alignment':
      return `aligned to ${suggestion.skillName ?? 'a skill'} it grants`;
    case 'skill':
      return `grants ${suggestion.skillName ?? 'a skill'} of that name`;
  }
}

/** What the checks say, in words: verified, or which checks could not be done or failed. */
function Verification({ item }: { item: OpenBadgeImportDto }) {
  if (item.verified)
    return (
      <Badge color="teal" variant="light" radius="sm" tt="none">
        Verified
      </Badge>
    );
  const failed = item.checks.filter((check) => !check.passed);
  const unchecked = failed.length > 0 && failed.every((check) => UNCHECKED_WHEN_FAILED.includes(check.name));
  return (
    <Stack gap={4} align="flex-start">
      <Badge color={unchecked ? 'yellow' : 'red'} variant="light" radius="sm" tt="none">
        {unchecked ? 'Partly checked' : 'Not verified'}
      </Badge>
      {failed.map((check) => (
        <Text key={check.name} size="xs" c="dimmed">
          {CHECK_LABELS[check.name] ?? check.name}: {UNCHECKED_WHEN_FAILED.includes(check.name) ? 'not checked' : 'failed'}
        </Text>
      ))}
    </Stack>
  );
}

interface BadgeToMapRowProps extends BadgesToMapProps {
  item: OpenBadgeImportDto;
}

function BadgeToMapRow({ item, credentials, credentialsLoading }: BadgeToMapRowProps) {
  const format = useFormat();
  const mapBadge = useMapOpenBadge();
  const [credentialId, setCredentialId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const data = useMemo<Array<ComboboxItemGroup<ComboboxItem>>>(() => {
    const suggested = item.suggestedCredentials.map((s) => ({ value: String(s.credentialId), label: s.credentialName }));
    const taken = new Set(suggested.map((option) => option.value));
    const rest = credentials.filter((option) => !taken.has(option.value));
    return [
      ...(suggested.length ? [{ group: 'Suggested', items: suggested }] : []),
      { group: suggested.length ? 'All credentials' : 'Catalogue', items: rest },
    ];
  }, [item.suggestedCredentials, credentials]);
  const [top] = item.suggestedCredentials;
  const who = `${item.achievementName} (${item.employeeName})`;

  const submit = () => {
    if (!credentialId) {
      setError('Choose the credential this badge stands for');
      return;
    }
    setError(null);
    // Not mutate's callbacks: the refetch after the write removes this row before they would run.
    mapBadge.mutateAsync({ importId: item.id, credentialId: Number(credentialId) }).then(
      (mapped) =>
        notifications.show({
          color: 'teal',
          title: 'Badge mapped',
          message:
            mapped.status === 'valid'
              ? `“${item.achievementName}” for ${item.employeeName} now counts as ${mapped.credentialName ?? 'the credential'}.`
              : `“${item.achievementName}” for ${item.employeeName} is mapped to ${mapped.credentialName ?? 'the credential'}; its completion waits for approval.`,
        }),
      (failure: unknown) => setError(errorMessage(failure)),
    );
  };

  return (
    <Table.Tr>
      <Table.Td>{item.employeeName}</Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {item.achievementName}
          </Text>
          {item.achievementId ? (
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {item.achievementId}
            </Text>
          ) : null}
          {item.alignments.length ? (
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              Aligned to {[...new Set(item.alignments.map((a) => a.targetName ?? a.targetCode ?? a.targetUrl))].join('; ')}
            </Text>
          ) : null}
        </Stack>
      </Table.Td>
      <Table.Td>{item.issuerName ?? '—'}</Table.Td>
      <Table.Td>
        <Text size="sm">{format.date(item.awardedAt)}</Text>
        {item.expiresAt ? (
          <Text size="xs" c="dimmed">
            expires {format.date(item.expiresAt)}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Verification item={item} />
      </Table.Td>
      <Table.Td miw={240}>
        <Select
          aria-label={`Credential for ${who}`}
          searchable
          clearable
          data={data}
          placeholder={credentialsLoading ? 'Loading the catalogue…' : 'Search the catalogue'}
          nothingFoundMessage="No credential matches"
          value={credentialId}
          onChange={(value) => {
            setCredentialId(value);
            setError(null);
          }}
          description={top ? `Suggested: ${top.credentialName} (${suggestionReason(top)})` : undefined}
          error={error}
          comboboxProps={{ withinPortal: true }}
        />
      </Table.Td>
      <Table.Td>
        <Button size="xs" onClick={submit} loading={mapBadge.isPending} aria-label={`Map ${who}`}>
          Map
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * HR: the imported Open Badges that match no catalogue credential (by achievement id or
 * alignment), each mapped to a credential by hand; a mapped badge becomes a completion and
 * leaves the list.
 */
export function BadgesToMap({ credentials, credentialsLoading }: BadgesToMapProps) {
  const [page, setPage] = useState(1);
  const badges = useBadgesToMap(page, PAGE_SIZE);
  const total = badges.data?.total ?? 0;
  // Mapping the last badge of a later page empties it: show the page before.
  const emptiedPage = page > 1 && badges.data?.items.length === 0;
  useEffect(() => {
    if (emptiedPage) setPage((current) => Math.max(1, current - 1));
  }, [emptiedPage]);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="badges-to-map">
      <Stack gap="sm">
        <Stack gap={4}>
          <Title order={2} size="h4" id="badges-to-map">
            Badges to map
          </Title>
          <Text size="sm" c="dimmed">
            Imported Open Badges whose achievement matches no catalogue credential. Choose the credential each one stands for: it
            becomes that credential’s completion (valid when the badge verified).
          </Text>
        </Stack>
        {badges.isPending ? <TableSkeleton rows={3} label="Loading the badges to map" /> : null}
        {badges.isError ? (
          <ErrorState
            error={badges.error}
            title="Could not load the badges to map"
            onRetry={() => void badges.refetch()}
            retrying={badges.isFetching}
          />
        ) : null}
        {badges.data && badges.data.items.length === 0 ? (
          <EmptyState
            title="No badges waiting for a mapping"
            description="Badges imported on a profile that match no credential of the catalogue show here for you to map."
          />
        ) : null}
        {badges.data && badges.data.items.length > 0 ? (
          <>
            <Table.ScrollContainer minWidth={1040}>
              <Table striped verticalSpacing="sm" withTableBorder>
                <Table.Caption>Open Badges waiting for a mapping to a catalogue credential</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Employee</Table.Th>
                    <Table.Th scope="col">Badge</Table.Th>
                    <Table.Th scope="col">Issuer</Table.Th>
                    <Table.Th scope="col">Awarded</Table.Th>
                    <Table.Th scope="col">Verification</Table.Th>
                    <Table.Th scope="col">Credential</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>Action</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {badges.data.items.map((item) => (
                    <BadgeToMapRow key={item.id} item={item} credentials={credentials} credentialsLoading={credentialsLoading} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {total > PAGE_SIZE ? (
              <Group justify="flex-end">
                <PaginationBar page={page} pageSize={PAGE_SIZE} total={total} noun="badges" onPageChange={setPage} />
              </Group>
            ) : null}
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
