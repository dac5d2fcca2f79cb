import type { ImportDefinition } from '../import-definition';
import { completionsImport } from './completions.import';
import { rolesImport } from './roles.import';
import { skillsImport } from './skills.import';

/** Every entity that POST /imports/:entity accepts. */
export const IMPORT_DEFINITIONS: ReadonlyArray<ImportDefinition<never>> = [
  completionsImport as ImportDefinition<never>,
  skillsImport as ImportDefinition<never>,
  rolesImport as ImportDefinition<never>,
];
