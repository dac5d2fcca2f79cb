import {
  Badge,
  Button,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  VisuallyHidden,
  type ComboboxItem,
} from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { randomId, useId } from '@mantine/hooks';
import type { ClusterDto, ClusterPurpose, CredentialDto } from '@skillgrid/shared';
import { useMemo, useState } from 'react';
import { useFormat } from '../../../components/ui/format-context';
import { useAllCredentials } from '../api/get-credentials';
import type { ClusterInput } from '../api/save-catalogue-item';
import { useCatalogueForm } from '../hooks/use-catalogue-form';
import { summariseCluster, type ClusterItem } from '../utils/cluster-summary';
import { blankToNull, clusterPurposeOptions } from '../utils/options';
import type { FormShape } from '../utils/server-errors';
import { FormButtons, ListError, SaveErrorAlert } from './form-parts';

interface ClusterRow extends ClusterItem {
  key: string;
}

export interface ClusterFormValues {
  name: string;
  purpose: string | null;
  targetRoleId: string | null;
  description: string;
  credentials: ClusterRow[];
}

const SHAPE: FormShape = {
  fields: ['name', 'purpose', 'targetRoleId', 'description'],
  lists: { credentials: ['credentialId'] },
  aliases: { credentialIds: 'credentials' },
};

function initialValues(cluster: ClusterDto | null): ClusterFormValues {
  return {
    name: cluster?.name ?? '',
    purpose: cluster?.purpose ?? null,
    targetRoleId: cluster?.targetRoleId ? String(cluster.targetRoleId) : null,
    description: cluster?.description ?? '',
    credentials: (cluster?.credentials ?? []).map((item) => ({
      key: randomId(),
      credentialId: item.credentialId,
      name: item.credentialName,
      hours: item.hours,
      cost: item.cost,
    })),
  };
}

function toInput(values: ClusterFormValues): ClusterInput {
  return {
    name: values.name.trim(),
    purpose: values.purpose as ClusterPurpose,
    description: blankToNull(values.description),
    targetRoleId: values.targetRoleId ? Number(values.targetRoleId) : null,
    credentialIds: values.credentials.map((row) => row.credentialId),
  };
}

interface ClusterFormProps {
  cluster: ClusterDto | null;
  /** The roles a cluster may prepare for (the page knows them). */
  roleOptions: ComboboxItem[];
  onDone: () => void;
}

/** A named, ordered bundle of credentials, with what it costs and grants as it is built. */
export function ClusterForm({ cluster, roleOptions, onDone }: ClusterFormProps) {
  const format = useFormat();
  const credentials = useAllCredentials();
  const baseId = useId();
  const [announcement, setAnnouncement] = useState('');
  const [search, setSearch] = useState('');
  const form = useForm<ClusterFormValues>({
    mode: 'controlled',
    initialValues: initialValues(cluster),
    validate: {
      name: isNotEmpty('Enter the cluster’s name'),
      purpose: isNotEmpty('Choose what the cluster is for'),
      credentials: (rows) => (rows.length === 0 ? 'Add at least one credential' : null),
    },
  });
  const { formRef, onSubmit, failure, saving } = useCatalogueForm(form, {
    kind: 'cluster',
    id: cluster?.id ?? null,
    shape: SHAPE,
    toInput,
    notice: (saved, created) => ({
      title: created ? 'Cluster created' : 'Cluster saved',
      message: `“${saved.name}”: ${saved.credentials.length} credential${saved.credentials.length === 1 ? '' : 's'}.`,
    }),
    onDone,
  });

  const byId = useMemo(
    () => new Map((credentials.data ?? []).map((credential) => [credential.id, credential])),
    [credentials.data],
  );
  const rows = form.values.credentials;
  const summary = useMemo(() => summariseCluster(rows, (id) => byId.get(id)?.skills), [rows, byId]);
  const inCluster = new Set(rows.map((row) => row.credentialId));
  const addOptions = (credentials.data ?? [])
    .filter((credential) => credential.status === 'active' && !inCluster.has(credential.id))
    .map((credential) => ({ value: String(credential.id), label: `${credential.name} (${credential.provider})` }));

  const buttonId = (key: string, action: 'up' | 'down' | 'remove') => `${baseId}-${key}-${action}`;
  /** After a move the row's buttons are elsewhere: keep the focus on the one pressed (or its twin at an end). */
  const focusLater = (ids: string[]) =>
    window.requestAnimationFrame(() => {
      for (const id of ids) {
        const element = document.getElementById(id);
        if (element && !element.hasAttribute('disabled')) return element.focus();
      }
    });

  const add = (credential: CredentialDto) => {
    form.insertListItem('credentials', {
      key: randomId(),
      credentialId: credential.id,
      name: credential.name,
      hours: credential.hours,
      cost: credential.cost,
    });
    form.clearFieldError('credentials');
    setAnnouncement(`Added ${credential.name} at position ${rows.length + 1}.`);
  };
  const move = (index: number, to: number) => {
    const row = rows[index];
    if (!row || to < 0 || to >= rows.length) return;
    form.reorderListItem('credentials', { from: index, to });
    setAnnouncement(`${row.name} moved to position ${to + 1} of ${rows.length}.`);
    const direction = to < index ? 'up' : 'down';
    focusLater([buttonId(row.key, direction), buttonId(row.key, direction === 'up' ? 'down' : 'up')]);
  };
  const remove = (index: number) => {
    const row = rows[index];
    if (!row) return;
    form.removeListItem('credentials', index);
    setAnnouncement(`Removed ${row.name}.`);
    const neighbour = rows[index + 1] ?? rows[index - 1];
    focusLater(neighbour ? [buttonId(neighbour.key, 'remove')] : [`${baseId}-add`]);
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={cluster ? `Edit ${cluster.name}` : 'New cluster'}>
      <Stack gap="md">
        {failure ? <SaveErrorAlert message={failure.message} /> : null}
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label="Purpose"
            required
            data={clusterPurposeOptions}
            allowDeselect={false}
            {...form.getInputProps('purpose')}
          />
          <Select
            label="Target role"
            description="The role (or career goal) it prepares for"
            placeholder="None"
            data={roleOptions}
            searchable
            clearable
            nothingFoundMessage="No role matches"
            {...form.getInputProps('targetRoleId')}
          />
        </SimpleGrid>
        <Textarea label="Description" rows={3} resize="vertical" {...form.getInputProps('description')} />

        <Fieldset legend="Credentials, in the order to take them">
          <Stack gap="sm">
            <Select
              id={`${baseId}-add`}
              label="Add a credential"
              placeholder={credentials.isPending ? 'Loading credentials…' : 'Search the catalogue'}
              data={addOptions}
              value={null}
              onChange={(value) => {
                const credential = value ? byId.get(Number(value)) : undefined;
                if (credential) add(credential);
                setSearch('');
              }}
              searchValue={search}
              onSearchChange={setSearch}
              searchable
              nothingFoundMessage="No active credential matches"
              disabled={credentials.isPending}
            />
            <VisuallyHidden aria-live="polite">{announcement}</VisuallyHidden>
            {rows.length === 0 ? (
              <Text size="sm" c="dimmed">
                No credentials yet.
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={600} type="native">
                <Table verticalSpacing={6} aria-label="Credentials in the cluster, in order">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">#</Table.Th>
                      <Table.Th scope="col">Credential</Table.Th>
                      <Table.Th scope="col" ta="right">
                        Hours
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        Cost
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        Running total
                      </Table.Th>
                      <Table.Th scope="col">
                        <VisuallyHidden>Order</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {summary.lines.map((line, index) => {
                      const row = rows[index] as ClusterRow;
                      const error = form.errors[`credentials.${index}.credentialId`];
                      return (
                        <Table.Tr key={row.key}>
                          <Table.Td>{line.position}</Table.Td>
                          <Table.Td>
                            <Text size="sm">{line.name}</Text>
                            {error ? (
                              <Text size="xs" c="red.9" role="alert">
                                {error}
                              </Text>
                            ) : null}
                          </Table.Td>
                          <Table.Td ta="right">{format.number(line.hours, 1)} h</Table.Td>
                          <Table.Td ta="right">{format.money(line.cost)}</Table.Td>
                          <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                            {format.number(line.runningHours, 1)} h · {format.money(line.runningCost)}
                          </Table.Td>
                          <Table.Td>
                            <Group gap={4} wrap="nowrap" justify="flex-end">
                              <Button
                                id={buttonId(row.key, 'up')}
                                size="compact-sm"
                                variant="default"
                                disabled={index === 0}
                                onClick={() => move(index, index - 1)}
                                aria-label={`Move ${line.name} up`}
                              >
                                ↑
                              </Button>
                              <Button
                                id={buttonId(row.key, 'down')}
                                size="compact-sm"
                                variant="default"
                                disabled={index === rows.length - 1}
                                onClick={() => move(index, index + 1)}
                                aria-label={`Move ${line.name} down`}
                              >
                                ↓
                              </Button>
                              <Button
                                id={buttonId(row.key, 'remove')}
                                size="compact-sm"
                                variant="subtle"
                                color="red"
                                onClick={() => remove(index)}
                                aria-label={`Remove ${line.name}`}
                              >
                                Remove
                              </Button>
                            </Group>
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                  <Table.Tfoot>
                    <Table.Tr>
                      <Table.Th scope="row" colSpan={2}>
                        Total
                      </Table.Th>
                      <Table.Td ta="right" fw={700} data-testid="cluster-total-hours">
                        {format.number(summary.totalHours, 1)} h
                      </Table.Td>
                      <Table.Td ta="right" fw={700} data-testid="cluster-total-cost">
                        {format.money(summary.totalCost)}
                      </Table.Td>
                      <Table.Td colSpan={2} />
                    </Table.Tr>
                  </Table.Tfoot>
                </Table>
              </Table.ScrollContainer>
            )}
            <ListError error={form.errors.credentials} />
          </Stack>
        </Fieldset>

        <Stack gap={6} component="section" aria-label="Skills granted in total">
          <Text size="sm" fw={600}>
            Skills granted in total
          </Text>
          <Text size="xs" c="dimmed">
            Each skill at the highest level any of its credentials grants.
          </Text>
          {summary.skills.length === 0 ? (
            <Text size="sm" c="dimmed">
              {rows.length > 0 && credentials.isPending ? 'Loading…' : 'None yet.'}
            </Text>
          ) : (
            <Group gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {summary.skills.map((skill) => (
                <Badge key={skill.skillId} component="li" variant="light" color="gray" tt="none" size="lg" radius="sm">
                  {skill.skillName} · {format.level(skill.level)}
                </Badge>
              ))}
            </Group>
          )}
        </Stack>

        <FormButtons onCancel={onDone} saving={saving} submitLabel={cluster ? 'Save changes' : 'Create cluster'} />
      </Stack>
    </form>
  );
}
