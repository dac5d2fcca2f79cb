import { Alert, Group, List, SegmentedControl, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { EmployeeDto, OptimiseFor, RecommendationDto, RecommendedCredentialDto } from '@skillgrid/shared';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState, type ReactNode } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { useFormat } from '../../../components/ui/format-context';
import type { Formatters } from '../../../lib/format';
import { useRecommendations } from '../api/get-recommendations';
import type { ProfileSubject } from '../api/keys';

const column = createColumnHelper<RecommendedCredentialDto>();

function methodInWords(recommendation: RecommendationDto): string {
  const among = `${recommendation.candidates} useful credential${recommendation.candidates === 1 ? '' : 's'}`;
  switch (recommendation.method) {
    case 'exact':
      return `Exact search among ${among}: no cheaper set closes these gaps.`;
    case 'greedy':
      return `Quick choice among ${among} (too many for an exact search): close to the cheapest, not guaranteed.`;
    case 'none':
      return 'Nothing to search for.';
  }
}

function summary(recommendation: RecommendationDto, format: Formatters): string {
  const count = recommendation.credentials.length;
  const what = `${count} credential${count === 1 ? '' : 's'}: ${format.number(recommendation.totalHours, 1)} hours, ${format.money(recommendation.totalCost)} in total`;
  return recommendation.unreachable.length
    ? `${what}, closing every gap to ${recommendation.role.name} that the catalogue can close.`
    : `${what}, closing every gap to ${recommendation.role.name}.`;
}

interface RecommendationsPanelProps {
  subject: ProfileSubject;
  employee: EmployeeDto;
  /** Whose words: "you" on My skills, the name elsewhere. */
  self?: boolean;
  /** Acting on the recommendation (assigning it), for those who may. */
  actions?: (recommendation: RecommendationDto) => ReactNode;
}

/** The credentials that close the gap to the role or the career goal at least cost or hours (DESIGN §3). */
export function RecommendationsPanel({ subject, employee, self, actions }: RecommendationsPanelProps) {
  const format = useFormat();
  const [optimise, setOptimise] = useState<OptimiseFor>('cost');
  const [aim, setAim] = useState<'role' | 'goal'>('role');
  const goal = aim === 'goal' && employee.targetRoleId ? employee.targetRoleId : undefined;
  const recommendation = useRecommendations(subject, { optimise, targetRoleId: goal });

  const columns = useMemo(
    () => [
      column.accessor('name', {
        header: 'Credential',
        cell: ({ row: { original } }) => (
          <Stack gap={0}>
            <Text size="sm">{original.name}</Text>
            <Text size="xs" c="dimmed">
              {original.provider}
            </Text>
          </Stack>
        ),
      }),
      column.accessor('closes', {
        header: 'Closes',
        cell: (info) => (
          <List size="sm" spacing={0} listStyleType="none">
            {info.getValue().map((gap) => (
              <List.Item key={gap.skillId}>
                {gap.skillName}: {format.level(gap.fromLevel)} → {format.level(gap.toLevel)}
              </List.Item>
            ))}
          </List>
        ),
      }),
      column.accessor('hours', { header: 'Hours', cell: (info) => format.number(info.getValue(), 1), meta: { nowrap: true } }),
      column.accessor('cost', { header: 'Cost', cell: (info) => format.money(info.getValue()), meta: { nowrap: true } }),
    ],
    [format],
  );

  const controls = (
    <Group gap="sm" wrap="wrap">
      {employee.targetRoleId ? (
        <SegmentedControl
          size="xs"
          aria-label="Recommend for"
          value={aim}
          onChange={(value) => setAim(value === 'goal' ? 'goal' : 'role')}
          data={[
            { value: 'role', label: `Role: ${employee.roleName}` },
            { value: 'goal', label: `Career goal: ${employee.targetRoleName ?? 'target role'}` },
          ]}
        />
      ) : null}
      <SegmentedControl
        size="xs"
        aria-label="Cheapest by"
        value={optimise}
        onChange={(value) => setOptimise(value === 'hours' ? 'hours' : 'cost')}
        data={[
          { value: 'cost', label: 'Least cost' },
          { value: 'hours', label: 'Fewest hours' },
        ]}
      />
    </Group>
  );

  let body: ReactNode;
  if (recommendation.isPending) {
    body = (
      <Stack gap="xs" role="status" aria-live="polite">
        <VisuallyHidden>Loading recommendations</VisuallyHidden>
        <Skeleton height={20} width="60%" />
        <Skeleton height={90} />
      </Stack>
    );
  } else if (recommendation.isError && !recommendation.data) {
    body = (
      <ErrorState
        error={recommendation.error}
        title="Could not work out recommendations"
        onRetry={() => void recommendation.refetch()}
        retrying={recommendation.isFetching}
      />
    );
  } else {
    const data = recommendation.data;
    const who = self ? 'You meet' : `${employee.name} meets`;
    body = (
      <Stack
        gap="sm"
        style={{ opacity: recommendation.isPlaceholderData ? 0.6 : 1 }}
        aria-busy={recommendation.isPlaceholderData}
      >
        {data.credentials.length === 0 ? (
          data.unreachable.length === 0 ? (
            <EmptyState
              title={`Nothing to close for ${data.role.name}`}
              description={`${who} every requirement of ${data.role.name}.`}
            />
          ) : null
        ) : (
          <>
            <Text size="sm" aria-live="polite">
              {summary(data, format)}
            </Text>
            <Text size="xs" c="dimmed">
              {methodInWords(data)}
            </Text>
            <DataTable
              data={data.credentials}
              columns={columns}
              caption={`Recommended credentials for ${data.role.name}`}
              getRowId={(credential) => String(credential.credentialId)}
              minWidth={560}
            />
          </>
        )}
        {data.unreachable.length > 0 ? (
          <Alert color="yellow" variant="light" title="Not reachable through the catalogue">
            <List size="sm" spacing={2}>
              {data.unreachable.map((gap) => (
                <List.Item key={gap.skillId}>
                  {gap.skillName}: needs {format.level(gap.requiredLevel)}; the best any active credential grants is{' '}
                  {gap.bestAvailableLevel > 0 ? format.level(gap.bestAvailableLevel) : 'nothing'}.
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        {data.credentials.length > 0 && actions ? actions(data) : null}
      </Stack>
    );
  }

  return (
    <Stack gap="sm">
      {controls}
      {body}
    </Stack>
  );
}
