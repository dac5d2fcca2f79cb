import type { ImportDefinition } from '../import-definition';
import { completionsImport } from './completions.import';
import { credentialsImport } from './credentials.import';
import { employeesImport } from './employees.import';
import { headcountPlansImport } from './headcount-plans.import';
import { rolesImport } from './roles.import';
import { skillsImport } from './skills.import';
import { teamsImport } from './teams.import';

/** Every entity that POST /imports/:entity accepts. */
export const IMPORT_DEFINITIONS: ReadonlyArray<ImportDefinition<never>> = [
  completionsImport as ImportDefinition<never>,
  skillsImport as ImportDefinition<never>,
  rolesImport as ImportDefinition<never>,
  credentialsImport as ImportDefinition<never>,
  teamsImport as ImportDefinition<never>,
  employeesImport as ImportDefinition<never>,
  headcountPlansImport as ImportDefinition<never>,
];
