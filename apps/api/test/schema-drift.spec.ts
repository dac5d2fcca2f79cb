import { createMigratedDataSource, testDialect } from './support/test-database';

describe(`schema (${testDialect()})`, () => {
  it('has no difference between the entities and what the migrations build', async () => {
    const sut = await createMigratedDataSource();
    try {
      const pending = await sut.dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await sut.destroy();
    }
  });

  it('rolls every migration back down to an empty schema', async () => {
    const sut = await createMigratedDataSource();
    try {
      for (let i = 0; i < sut.dataSource.migrations.length; i++) await sut.dataSource.undoLastMigration({ transaction: 'each' });
      const queryRunner = sut.dataSource.createQueryRunner();
      const left: string[] = [];
      for (const entity of sut.dataSource.entityMetadatas) {
        if (await queryRunner.hasTable(entity.tableName)) left.push(entity.tableName);
      }
      await queryRunner.release();
      expect(left).toEqual([]);
    } finally {
      await sut.destroy();
    }
  });
});
