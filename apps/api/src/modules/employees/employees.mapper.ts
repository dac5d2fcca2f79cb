import type { EmployeeDto, EmployeeListItemDto } from '@skillgrid/shared';
import type { Employee } from './employee.entity';

export function toEmployeeListItem(employee: Employee): EmployeeListItemDto {
  return {
    id: employee.id,
    externalId: employee.externalId,
    name: employee.name,
    email: employee.email,
    teamId: employee.teamId,
    teamName: employee.team?.name ?? '',
    roleId: employee.roleId,
    roleName: employee.role?.name ?? '',
    locationId: employee.locationId,
    locationName: employee.location?.name ?? null,
    status: employee.status,
  };
}

export function toEmployeeDto(employee: Employee, lineManager: { id: number; name: string } | null): EmployeeDto {
  return {
    ...toEmployeeListItem(employee),
    hireDate: employee.hireDate,
    leaveDate: employee.leaveDate,
    targetRoleId: employee.targetRoleId,
    targetRoleName: employee.targetRole?.name ?? null,
    managerEmployeeId: lineManager?.id ?? null,
    managerName: lineManager?.name ?? null,
  };
}
