import request from 'supertest';
import { createTestApp, signIn, type TestApp } from './support/test-app';
import { PASSWORD, seedFixture } from './support/fixture';
import { testDialect } from './support/test-database';
import { AuditLog } from '../src/modules/audit/audit-log.entity';

describe(`auth (${testDialect()})`, () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await createTestApp({ LOGIN_RATE_LIMIT: '3' });
    await seedFixture(sut.dataSource);
  });
  afterAll(() => sut.close());

  it('signs in, sets an httpOnly SameSite=Strict session cookie, and knows who you are', async () => {
    const response = await request(sut.http)
      .post('/api/auth/login')
      .send({ email: 'HR@test.example ', password: PASSWORD })
      .expect(200);
    expect(response.body.user).toMatchObject({ email: 'hr@test.example', role: 'hr', name: 'Fay' });
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^sg_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);

    const agent = await signIn(sut.http, 'manager@test.example');
    const me = await agent.get('/api/auth/me').expect(200);
    expect(me.body.user).toMatchObject({ role: 'manager', name: 'Mia' });
    expect(me.body.user.managedTeamIds).toHaveLength(1);
  });

  it('answers 401 without saying whether the e-mail or the password was wrong', async () => {
    const wrongPassword = await request(sut.http)
      .post('/api/auth/login')
      .send({ email: 'exec@test.example', password: 'nope' })
      .expect(401);
    const unknownEmail = await request(sut.http)
      .post('/api/auth/login')
      .send({ email: 'nobody@test.example', password: 'nope' })
      .expect(401);
    expect(wrongPassword.body).toEqual(unknownEmail.body);
    expect(wrongPassword.body).toEqual({
      statusCode: 401,
      code: 'INVALID_CREDENTIALS',
      message: 'The e-mail or password is not right',
    });
  });

  it('names every bad field of a login request', async () => {
    const response = await request(sut.http)
      .post('/api/auth/login')
      .send({ email: 'not-an-email', password: '', extra: 1 })
      .expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'extra', 'password']);
  });

  it("ends a disabled user's session at its next request", async () => {
    const agent = await signIn(sut.http, 'exec@test.example');
    await agent.get('/api/auth/me').expect(200);
    await sut.dataSource.query('UPDATE users SET disabled_at = created_at WHERE email = ?', ['exec@test.example']);
    try {
      const refused = await agent.get('/api/auth/me').expect(401);
      expect(refused.body.code).toBe('UNAUTHENTICATED');
    } finally {
      await sut.dataSource.query('UPDATE users SET disabled_at = NULL WHERE email = ?', ['exec@test.example']);
    }
    await agent.get('/api/auth/me').expect(200);
  });

  it('refuses requests without a session, and after logout', async () => {
    await request(sut.http).get('/api/auth/me').expect(401);
    const agent = await signIn(sut.http, 'employee@test.example');
    await agent.get('/api/auth/me').expect(200);
    const logout = await agent.post('/api/auth/logout').expect(204);
    expect(String(logout.headers['set-cookie'])).toMatch(/sg_session=;/);
    await agent.get('/api/auth/me').expect(401);
    await request(sut.http).get('/api/auth/me').set('Cookie', 'sg_session=forged.token.value').expect(401);
  });

  it('rate-limits sign-in attempts per e-mail with 429 and Retry-After', async () => {
    for (let i = 0; i < 3; i++)
      await request(sut.http).post('/api/auth/login').send({ email: 'admin@test.example', password: 'wrong' }).expect(401);
    const blocked = await request(sut.http)
      .post('/api/auth/login')
      .send({ email: 'admin@test.example', password: PASSWORD })
      .expect(429);
    expect(blocked.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('does not write the audit log for reads', async () => {
    const before = await sut.dataSource.getRepository(AuditLog).count();
    const agent = await signIn(sut.http, 'hr@test.example');
    await agent.get('/api/employees').expect(200);
    await expect(sut.dataSource.getRepository(AuditLog).count()).resolves.toBe(before);
  });
});
