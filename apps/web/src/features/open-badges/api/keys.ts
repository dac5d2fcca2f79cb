export const openBadgeKeys = {
  all: ['open-badges'] as const,
  imports: (employeeId: number | 'me') => [...openBadgeKeys.all, 'imports', employeeId] as const,
  toMap: (page: number, pageSize: number) => [...openBadgeKeys.all, 'to-map', { page, pageSize }] as const,
};
