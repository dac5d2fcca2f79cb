export interface TeamListParams {
  page?: number;
  pageSize?: number;
  q?: string;
  parentId?: number;
}

export const teamKeys = {
  all: ['teams'] as const,
  everything: () => [...teamKeys.all, 'everything'] as const,
};
