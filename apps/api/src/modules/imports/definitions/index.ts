import type { ImportDefinition } from '../import-definition';
import { completionsImport } from './completions.import';

/** Every entity that POST /imports/:entity accepts. */
export const IMPORT_DEFINITIONS: ReadonlyArray<ImportDefinition<never>> = [completionsImport as ImportDefinition<never>];
