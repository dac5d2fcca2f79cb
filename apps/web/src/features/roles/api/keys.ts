export const roleKeys = {
  all: ['roles'] as const,
  everything: () => [...roleKeys.all, 'everything'] as const,
};
