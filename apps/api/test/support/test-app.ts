import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import request from 'supertest';
import type { App } from 'supertest/types';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/configure-app';
import { validateEnv, type AppConfig } from '../../src/config/env.validation';
import { createTestDatabase } from './test-database';

export interface TestApp {
  app: NestExpressApplication;
  dataSource: DataSource;
  http: App;
  close(): Promise<void>;
}

/** The real AppModule on a fresh, migrated database (SQLite, or MySQL with TEST_DATABASE=mysql). */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config: AppConfig = { ...validateEnv({ NODE_ENV: 'test', WEB_DIST: '', ...env }), database: database.config };
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.register(config)] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: ['error'] });
  configureApp(app, config);
  await app.init();
  const dataSource = app.get(DataSource);
  await dataSource.runMigrations({ transaction: 'each' });
  return {
    app,
    dataSource,
    http: app.getHttpServer(),
    async close() {
      await app.close();
      await database.destroy();
    },
  };
}

/** A supertest agent signed in as `email` (it keeps the session cookie). */
export async function signIn(http: App, email: string, password = 'pw-for-tests'): Promise<ReturnType<typeof request.agent>> {
  const agent = request.agent(http);
  const response = await agent.post('/api/auth/login').send({ email, password });
  if (response.status !== 200)
    throw new Error(`sign-in as ${email} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return agent;
}

export type Agent = Awaited<ReturnType<typeof signIn>>;

/** The four personas of the fixture, signed in. */
export async function signInPersonas(http: App): Promise<{ hr: Agent; manager: Agent; employee: Agent; exec: Agent }> {
  const [hr, manager, employee, exec] = await Promise.all(
    ['hr@test.example', 'manager@test.example', 'employee@test.example', 'exec@test.example'].map((email) => signIn(http, email)),
  );
  return { hr, manager, employee, exec };
}
