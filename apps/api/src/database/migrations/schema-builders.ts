import { TableColumnOptions, TableForeignKey } from 'typeorm';

/**
 * Column builders for migrations written with the QueryRunner's Table API, so that one
 * migration file runs on SQLite and MySQL/MariaDB alike. Each mirrors an entity column type.
 */
export const col = {
  id: (): TableColumnOptions => ({
    name: 'id',
    type: 'integer',
    isPrimary: true,
    isGenerated: true,
    generationStrategy: 'increment',
  }),
  int: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable }),
  bigint: (name: string): TableColumnOptions => ({ name, type: 'bigint' }),
  varchar: (name: string, length: number, nullable = false): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    isNullable: nullable,
  }),
  text: (name: string, nullable = true): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
  date: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'date', isNullable: nullable }),
  datetime: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', isNullable: nullable }),
  decimal: (name: string, precision: number, scale: number, nullable = false): TableColumnOptions => ({
    name,
    type: 'decimal',
    precision,
    scale,
    isNullable: nullable,
  }),
};

export function fk(
  column: string,
  referencedTable: string,
  onDelete: 'RESTRICT' | 'CASCADE' | 'SET NULL' = 'RESTRICT',
): TableForeignKey {
  return new TableForeignKey({
    columnNames: [column],
    referencedTableName: referencedTable,
    referencedColumnNames: ['id'],
    onDelete,
    onUpdate: 'RESTRICT',
  });
}
