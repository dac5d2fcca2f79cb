export const locationKeys = {
  all: ['locations'] as const,
  everything: () => [...locationKeys.all, 'everything'] as const,
};
