import { Table, VisuallyHidden } from '@mantine/core';
import type { ForecastRoleAssumptionDto, ForecastScenarioSettings } from '@skillgrid/shared';
import { useFormat } from '../../../components/ui/format-context';
import { scrollRegionProps, useScrollOverflow } from '../../../components/ui/use-scroll-overflow';

interface RoleAssumptionsTableProps {
  /** The baseline's roles (computed attrition). */
  roles: ForecastRoleAssumptionDto[];
  /** The scenario's roles and the settings the API answered for, when a scenario is shown. */
  scenario?: { roles: ForecastRoleAssumptionDto[]; settings: ForecastScenarioSettings } | null;
}

const CAPTION = 'Assumptions by role';

/** Each role the forecast counts: its required level, positions and attrition, computed or overridden by the scenario. */
export function RoleAssumptionsTable({ roles, scenario }: RoleAssumptionsTableProps) {
  const format = useFormat();
  const [scrollRef, overflowing] = useScrollOverflow();
  const ownRate = new Set((scenario?.settings.roleAttrition ?? []).map((o) => o.roleId));
  const sourceOf = (role: ForecastRoleAssumptionDto) =>
    role.attritionSource === 'computed'
      ? 'Computed from leavers'
      : ownRate.has(role.roleId)
        ? 'Set for this role'
        : 'Set for every role';
  // A hiring change can bring in a role the baseline does not count (nobody in it today).
  const rows = [
    ...roles.map((base) => ({ role: base, base, what: scenario?.roles.find((r) => r.roleId === base.roleId) })),
    ...(scenario?.roles ?? [])
      .filter((what) => !roles.some((base) => base.roleId === what.roleId))
      .map((what) => ({ role: what, base: undefined, what })),
  ];

  return (
    <Table.ScrollContainer
      ref={scrollRef}
      minWidth={scenario ? 620 : 480}
      type="native"
      {...scrollRegionProps(overflowing, CAPTION)}
    >
      <Table striped verticalSpacing={4}>
        <VisuallyHidden component="caption">{CAPTION}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Role</Table.Th>
            <Table.Th scope="col">Level required</Table.Th>
            <Table.Th scope="col">Positions</Table.Th>
            <Table.Th scope="col">Attrition a year</Table.Th>
            {scenario ? <Table.Th scope="col">Scenario: attrition a year</Table.Th> : null}
            <Table.Th scope="col">Source</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ role, base, what }) => (
            <Table.Tr key={role.roleId}>
              <Table.Th scope="row" fw={500}>
                {role.roleName}
              </Table.Th>
              <Table.Td>{format.number(role.requiredLevel, 1)}</Table.Td>
              <Table.Td>{format.number(role.headcount)}</Table.Td>
              <Table.Td>{format.percent(base?.annualAttrition)}</Table.Td>
              {scenario ? <Table.Td>{format.percent(what?.annualAttrition)}</Table.Td> : null}
              <Table.Td>{sourceOf(what ?? role)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
