import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ForecastScenarioDto, ForecastScenarioSettings } from '@skillgrid/shared';
import { useState } from 'react';
import { isApiError } from '../../../lib/api-client';
import { useDeleteScenario } from '../api/delete-scenario';
import { useScenarios } from '../api/get-scenarios';
import { useSaveScenario } from '../api/save-scenario';
import { settingsOf } from '../utils/scenario';

interface SavedScenariosProps {
  settings: ForecastScenarioSettings;
  /** The loaded scenario, if any. */
  selectedId: number | null;
  onLoad: (scenario: ForecastScenarioDto | null, settings: ForecastScenarioSettings) => void;
}

/** Save the current controls as a named scenario, load one back, update or delete it (HR, executives). */
export function SavedScenarios({ settings, selectedId, onLoad }: SavedScenariosProps) {
  const scenarios = useScenarios();
  const save = useSaveScenario();
  const remove = useDeleteScenario();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const selected = scenarios.data?.find((s) => s.id === selectedId) ?? null;

  const submit = async (id?: number) => {
    const finalName = id === undefined ? name.trim() : (selected?.name ?? name.trim());
    if (!finalName) {
      setNameError('Give the scenario a name');
      return;
    }
    try {
      const saved = await save.mutateAsync({ id, name: finalName, settings });
      setName('');
      setNameError(null);
      onLoad(saved, settingsOf(saved));
      notifications.show({ color: 'teal', title: 'Scenario saved', message: `“${saved.name}” is saved.`, withBorder: true });
    } catch (error) {
      const message = isApiError(error) ? error.message : 'Could not save the scenario';
      if (isApiError(error) && error.errors.some((e) => e.field === 'name')) setNameError(message);
      else notifications.show({ color: 'red', title: 'Not saved', message, withBorder: true });
    }
  };

  return (
    <Stack gap="sm">
      <Select
        label="Saved scenario"
        placeholder={scenarios.isPending ? 'Loading…' : scenarios.data?.length ? 'Choose a scenario' : 'None saved yet'}
        data={(scenarios.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
        value={selectedId === null ? null : String(selectedId)}
        onChange={(id) => {
          const scenario = scenarios.data?.find((s) => String(s.id) === id) ?? null;
          onLoad(scenario, scenario ? settingsOf(scenario) : {});
        }}
        clearable
        w={{ base: '100%', sm: 260 }}
        comboboxProps={{ withinPortal: true }}
      />
      {selected ? (
        <Group gap="xs">
          <Button size="xs" variant="light" loading={save.isPending} onClick={() => void submit(selected.id)}>
            Update “{selected.name}”
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(selected.id, {
                onSuccess: () => {
                  onLoad(null, settings);
                  notifications.show({
                    color: 'teal',
                    title: 'Scenario deleted',
                    message: `“${selected.name}” is deleted.`,
                    withBorder: true,
                  });
                },
              })
            }
          >
            Delete
          </Button>
        </Group>
      ) : null}
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput
          label="Save as"
          placeholder="Scenario name"
          value={name}
          maxLength={120}
          error={nameError}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setNameError(null);
          }}
          w={{ base: '100%', sm: 220 }}
        />
        <Button size="sm" loading={save.isPending} onClick={() => void submit()}>
          Save scenario
        </Button>
      </Group>
      {scenarios.isError ? (
        <Text size="xs" c="red">
          Could not load your saved scenarios.
        </Text>
      ) : null}
    </Stack>
  );
}
