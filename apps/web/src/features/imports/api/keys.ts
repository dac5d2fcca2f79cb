import type { ImportEntity } from '@skillgrid/shared';

export const importKeys = {
  all: ['imports'] as const,
  job: (id: string) => [...importKeys.all, 'job', id] as const,
  jobs: (pageSize?: number) => [...importKeys.all, 'jobs', ...(pageSize === undefined ? [] : [pageSize])] as const,
};

/** What each import is called on the page, with what its file describes. */
export const IMPORT_LABELS: Record<ImportEntity, { label: string; description: string }> = {
  completions: {
    label: 'Completions',
    description:
      'Credentials employees earned. Also reads the Credly bulk-issue and Canvas Credentials (Badgr) award CSVs as they are.',
  },
  employees: { label: 'Employees', description: 'People, with their team, role, location and hire date.' },
  teams: { label: 'Teams', description: 'The organisation tree: each team with its parent and manager.' },
  roles: { label: 'Roles', description: 'Job roles with their required skills, levels and weights.' },
  skills: { label: 'Skills', description: 'The skills taxonomy: name, category, hard or soft, external reference.' },
  credentials: { label: 'Credentials', description: 'The catalogue of micro-credentials and the skills they grant.' },
  'headcount-plans': { label: 'Headcount plans', description: 'Planned headcount per role (and team) per month.' },
};
