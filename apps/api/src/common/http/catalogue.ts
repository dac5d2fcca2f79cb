import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { DomainError } from '../errors/domain-error';
import { nameKey } from '../../database/column-types';

/**
 * Names of catalogue records are unique ignoring case and spacing, the same way on SQLite and
 * MySQL (through the name_key column). Checked before writing, so the answer names the field.
 */
export async function assertNameFree(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral & { id: number; nameKey: string }>,
  label: string,
  name: string,
  exceptId?: number,
): Promise<string> {
  const key = nameKey(name);
  const clash = await manager.getRepository(entity).findOne({ where: { nameKey: key } });
  if (clash && clash.id !== exceptId) {
    throw DomainError.conflict('DUPLICATE_NAME', 'name', `A ${label} named "${name.trim()}" already exists`);
  }
  return key;
}

/** Loads records by id, or fails naming the field and the ids that do not exist. */
export async function requireIds<T extends ObjectLiteral & { id: number }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  ids: number[],
  field: string,
  label: string,
): Promise<Map<number, T>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await manager.getRepository(entity).createQueryBuilder('x').where('x.id IN (:...ids)', { ids: unique }).getMany();
  const found = new Map(rows.map((row) => [row.id, row]));
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length) throw DomainError.invalid([{ field, message: `${label} ${missing.join(', ')} does not exist` }]);
  return found;
}

/** Fields named twice in one list (a credential granting a skill twice, a role requiring it twice). */
export function assertNoDuplicates(values: number[], field: string, what: string): void {
  const seen = new Set<number>();
  const errors = values.flatMap((value, index) => {
    if (seen.has(value)) return [{ field: `${field}[${index}]`, message: `${what} ${value} is listed more than once` }];
    seen.add(value);
    return [];
  });
  if (errors.length) throw DomainError.invalid(errors);
}
