import { InitialSchema1795910400000 } from './1795910400000-InitialSchema';

/** Listed explicitly: the bundled app cannot follow a glob. Append new migrations in order. */
export const MIGRATIONS = [InitialSchema1795910400000];
