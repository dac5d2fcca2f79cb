export const openBadgeKeys = {
  all: ['open-badges'] as const,
  imports: (employeeId: number | 'me') => [...openBadgeKeys.all, 'imports', employeeId] as const,
};
