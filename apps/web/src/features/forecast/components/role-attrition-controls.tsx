import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text, type ComboboxData, type ComboboxItem } from '@mantine/core';
import type { ForecastRoleAssumptionDto, ForecastRoleAttrition } from '@skillgrid/shared';
import { useState } from 'react';
import { useFormat } from '../../../components/ui/format-context';

interface RoleAttritionControlsProps {
  value: ForecastRoleAttrition[];
  onChange: (value: ForecastRoleAttrition[]) => void;
  /** The forecast's roles with their computed attrition: offered first, and a new override starts from it. */
  roles: ForecastRoleAssumptionDto[];
  /** Every role: a saved scenario serves every skill, so it may name a role this skill does not need. */
  roleOptions: ComboboxItem[];
  /** Where a new override starts for a role the forecast has no rate for. */
  fallbackRate: number;
}

const toPercent = (rate: number) => Math.round(rate * 100);

/**
 * Annual attrition set role by role (DESIGN §3 "Scenarios"): a role's own rate wins over the
 * override for every role, which still applies to the roles not listed here.
 */
export function RoleAttritionControls({ value, onChange, roles, roleOptions, fallbackRate }: RoleAttritionControlsProps) {
  const format = useFormat();
  const [picked, setPicked] = useState<string | null>(null);
  const used = new Set(value.map((override) => override.roleId));
  const forecastRole = (roleId: number) => roles.find((role) => role.roleId === roleId);
  const nameOf = (roleId: number) =>
    forecastRole(roleId)?.roleName ?? roleOptions.find((o) => o.value === String(roleId))?.label ?? `Role ${roleId}`;

  const inForecast = roles
    .filter((role) => !used.has(role.roleId))
    .map((role) => ({ value: String(role.roleId), label: `${role.roleName} · ${format.percent(role.annualAttrition)} now` }));
  const others = roleOptions.filter((o) => !used.has(Number(o.value)) && !forecastRole(Number(o.value)));
  const options: ComboboxData =
    inForecast.length && others.length
      ? [
          { group: 'In this forecast', items: inForecast },
          { group: 'Other roles', items: others },
        ]
      : [...inForecast, ...others];

  const add = () => {
    if (picked === null) return;
    const roleId = Number(picked);
    const rate = forecastRole(roleId)?.annualAttrition ?? fallbackRate;
    onChange([...value, { roleId, rate: toPercent(rate) / 100 }]);
    setPicked(null);
  };

  return (
    <Stack gap={6}>
      <Text size="sm" fw={500} id="role-attrition-heading">
        Attrition by role
      </Text>
      <Text size="xs" c="dimmed">
        {value.length === 0 ? 'None: every role follows the rate above.' : 'A role’s own rate wins over the rate for every role.'}
      </Text>
      {value.length ? (
        <Stack component="ul" gap={4} aria-labelledby="role-attrition-heading" m={0} p={0} style={{ listStyle: 'none' }}>
          {value.map((override) => {
            const name = nameOf(override.roleId);
            const computed = forecastRole(override.roleId);
            return (
              <Group component="li" key={override.roleId} gap="xs" wrap="nowrap" align="center">
                <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                  <Text size="sm" truncate>
                    {name}
                  </Text>
                  {computed ? (
                    <Text size="xs" c="dimmed">
                      Computed {format.percent(computed.annualAttrition)}
                    </Text>
                  ) : null}
                </Stack>
                <NumberInput
                  aria-label={`Attrition of ${name}, percent a year`}
                  value={toPercent(override.rate)}
                  onChange={(v) =>
                    onChange(
                      value.map((o) =>
                        o.roleId === override.roleId
                          ? { ...o, rate: Math.min(100, Math.max(0, Math.trunc(Number(v) || 0))) / 100 }
                          : o,
                      ),
                    )
                  }
                  min={0}
                  max={100}
                  step={1}
                  allowDecimal={false}
                  allowNegative={false}
                  clampBehavior="strict"
                  suffix="%"
                  w={88}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={`Remove the attrition of ${name}`}
                  onClick={() => onChange(value.filter((o) => o.roleId !== override.roleId))}
                >
                  ×
                </ActionIcon>
              </Group>
            );
          })}
        </Stack>
      ) : null}
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Select
          label="Role to override"
          placeholder="Choose a role"
          data={options}
          value={picked}
          onChange={setPicked}
          searchable
          nothingFoundMessage="No role left"
          w={{ base: '100%', sm: 220 }}
          comboboxProps={{ withinPortal: true }}
        />
        <Button variant="light" size="xs" mb={6} disabled={picked === null} onClick={add}>
          Add role override
        </Button>
      </Group>
    </Stack>
  );
}
