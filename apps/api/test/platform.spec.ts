import request from 'supertest';
import { createTestApp, signIn, type TestApp } from './support/test-app';
import { PASSWORD, seedFixture } from './support/fixture';
import { testDialect } from './support/test-database';

describe(`platform (${testDialect()})`, () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await createTestApp({ BODY_LIMIT: '20kb' });
    await seedFixture(sut.dataSource);
  });
  afterAll(() => sut.close());

  it('reports health and the database in use without a login', async () => {
    const response = await request(sut.http).get('/api/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', database: testDialect(), demo: false });
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const json = await request(sut.http).get('/api/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining(['/api/employees', '/api/employees/{id}/profile', '/api/auth/login', '/api/credentials']),
    );
    const ui = await request(sut.http).get('/api/docs').expect(200);
    expect(ui.text).toMatch(/swagger/i);
  });

  it('serves Prometheus metrics', async () => {
    await request(sut.http).get('/api/health');
    const response = await request(sut.http).get('/api/metrics').expect(200);
    expect(response.text).toMatch(/skillgrid_http_request_duration_seconds_bucket/);
  });

  it('answers malformed JSON with 400 and an oversized body with 413, never 500', async () => {
    const agent = await signIn(sut.http, 'hr@test.example');
    const malformed = await agent.post('/api/skills').set('Content-Type', 'application/json').send('{"name": "x",').expect(400);
    expect(malformed.body).toEqual({ statusCode: 400, code: 'INVALID_JSON', message: 'The request body is not valid JSON' });
    const huge = await agent
      .post('/api/skills')
      .send({ name: 'x'.repeat(30_000), categoryId: 1, kind: 'hard' })
      .expect(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers concurrent sign-ins without deadlocking the shared rate-limit counters', async () => {
    const emails = ['hr@test.example', 'manager@test.example', 'employee@test.example', 'exec@test.example'];
    const statuses = await Promise.all(
      emails
        .flatMap((email) => [0, 1].map(() => request(sut.http).post('/api/auth/login').send({ email, password: PASSWORD })))
        .map((r) => r.then((x) => x.status)),
    );
    expect(statuses).toEqual(Array(8).fill(200));
  });

  it('answers an unknown endpoint with 404 in the error shape', async () => {
    const agent = await signIn(sut.http, 'hr@test.example');
    const response = await agent.get('/api/no-such-thing').expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });
});
