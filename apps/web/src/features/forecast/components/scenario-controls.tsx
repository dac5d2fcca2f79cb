import { ActionIcon, Button, Group, NumberInput, Select, Slider, Stack, Switch, Text, type ComboboxItem } from '@mantine/core';
import type { ForecastHiringChange, ForecastRoleAssumptionDto, ForecastScenarioSettings } from '@skillgrid/shared';
import { useFormat } from '../../../components/ui/format-context';
import { RoleAttritionControls } from './role-attrition-controls';

interface ScenarioControlsProps {
  value: ForecastScenarioSettings;
  onChange: (value: ForecastScenarioSettings) => void;
  /** Roles a hiring change may name. */
  roleOptions: ComboboxItem[];
  /** The forecast's months (last days), for the month a hiring change starts. */
  months: string[];
  /** The computed attrition the slider starts from. */
  baselineAttrition?: number;
  /** The forecast's roles with their computed attrition, for overrides role by role. */
  roles?: ForecastRoleAssumptionDto[];
}

const DEFAULT_HIRE: Omit<ForecastHiringChange, 'roleId' | 'month'> = { change: 1 };

const NO_ROLES: ForecastRoleAssumptionDto[] = [];

/**
 * What-if controls (DESIGN §3 "Scenarios"): an attrition override for every role and for single
 * roles, hiring-plan changes per role from a month on, and an extra training budget. Changes apply
 * as they are made.
 */
export function ScenarioControls({
  value,
  onChange,
  roleOptions,
  months,
  baselineAttrition = 0,
  roles = NO_ROLES,
}: ScenarioControlsProps) {
  const format = useFormat();
  const overriding = value.attritionRate !== undefined && value.attritionRate !== null;
  const attritionPercent = Math.round((overriding ? (value.attritionRate ?? 0) : baselineAttrition) * 100);
  const hiring = value.hiring ?? [];
  const monthOptions = months.map((month) => ({ value: month.slice(0, 7), label: format.month(month) }));
  const setHiring = (next: ForecastHiringChange[]) => onChange({ ...value, hiring: next });

  return (
    <Stack gap="md">
      <Stack gap={6}>
        <Switch
          label="Override attrition for every role"
          checked={overriding}
          onChange={(event) =>
            onChange({ ...value, attritionRate: event.currentTarget.checked ? Math.round(baselineAttrition * 100) / 100 : null })
          }
        />
        <Group gap="sm" wrap="nowrap" align="center">
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            Annual attrition
          </Text>
          <Slider
            style={{ flex: 1 }}
            min={0}
            max={60}
            step={1}
            value={attritionPercent}
            disabled={!overriding}
            label={(v) => `${v}%`}
            thumbLabel="Annual attrition"
            onChange={(v) => onChange({ ...value, attritionRate: v / 100 })}
          />
          <Text size="sm" fw={600} w={44} ta="right" aria-live="polite">
            {attritionPercent}%
          </Text>
        </Group>
      </Stack>

      <RoleAttritionControls
        value={value.roleAttrition ?? []}
        onChange={(roleAttrition) => {
          // The last one removed leaves no trace, so the request says only what the scenario changes.
          const { roleAttrition: _previous, ...rest } = value;
          onChange(roleAttrition.length ? { ...rest, roleAttrition } : rest);
        }}
        roles={roles}
        roleOptions={roleOptions}
        fallbackRate={overriding ? (value.attritionRate ?? 0) : baselineAttrition}
      />

      <Stack gap={6}>
        <Text size="sm" fw={500}>
          Hiring plan changes
        </Text>
        {hiring.length === 0 ? (
          <Text size="xs" c="dimmed">
            None: demand follows the headcount plan, or today’s headcount.
          </Text>
        ) : null}
        {hiring.map((change, index) => (
          <Group key={index} gap="xs" align="flex-end" wrap="wrap">
            <Select
              label="Role"
              data={roleOptions}
              value={String(change.roleId)}
              onChange={(roleId) =>
                roleId && setHiring(hiring.map((c, i) => (i === index ? { ...c, roleId: Number(roleId) } : c)))
              }
              searchable
              allowDeselect={false}
              w={{ base: '100%', sm: 200 }}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label="From"
              data={monthOptions}
              value={change.month}
              onChange={(month) => month && setHiring(hiring.map((c, i) => (i === index ? { ...c, month } : c)))}
              allowDeselect={false}
              w={{ base: '100%', sm: 150 }}
              comboboxProps={{ withinPortal: true }}
            />
            <NumberInput
              label="People (+/−)"
              value={change.change}
              onChange={(v) => setHiring(hiring.map((c, i) => (i === index ? { ...c, change: Math.trunc(Number(v) || 0) } : c)))}
              allowDecimal={false}
              min={-100000}
              max={100000}
              w={{ base: '100%', sm: 120 }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={`Remove hiring change ${index + 1}`}
              onClick={() => setHiring(hiring.filter((_, i) => i !== index))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            disabled={!roleOptions.length || !monthOptions.length}
            onClick={() =>
              setHiring([
                ...hiring,
                { roleId: Number(roleOptions[0]?.value), month: monthOptions[0]?.value ?? '', ...DEFAULT_HIRE },
              ])
            }
          >
            Add a hiring change
          </Button>
        </Group>
      </Stack>

      <NumberInput
        label="Extra training budget"
        description={`Spent on the cheapest credential that closes the gap (${format.settings.currency})`}
        value={value.budget ?? ''}
        onChange={(v) => onChange({ ...value, budget: v === '' || v === null ? null : Math.max(0, Number(v)) })}
        min={0}
        step={1000}
        thousandSeparator=","
        w={{ base: '100%', sm: 260 }}
      />

      <Group>
        <Button variant="default" size="xs" onClick={() => onChange({})}>
          Reset to baseline
        </Button>
      </Group>
    </Stack>
  );
}
