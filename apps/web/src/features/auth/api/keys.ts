export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
  health: () => [...authKeys.all, 'health'] as const,
};
