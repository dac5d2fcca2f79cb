import { describe, expect, it } from 'vitest';
import { makeUser } from '../testing/factories';
import { canUsePage, homePathFor, navItemsFor, safeNextPath } from './personas';

const labels = (user: Parameters<typeof navItemsFor>[0]) => navItemsFor(user).map((item) => item.label);

const ANALYTICS = [
  'Overview',
  'Skills heatmap',
  'Gap report',
  'Single points of failure',
  'Expiring credentials',
  'Expert finder',
];
const AGGREGATE_ANALYTICS = ['Overview', 'Skills heatmap', 'Gap report', 'Single points of failure', 'Expiring credentials'];

describe(navItemsFor.name, () => {
  it('gives each persona its own navigation', () => {
    expect(labels(makeUser({ role: 'hr', employeeId: 1 }))).toEqual([
      ...ANALYTICS,
      'Forecast',
      'Employees',
      'Assignments',
      'Effectiveness',
      'Organisation',
      'Catalogue',
      'Imports',
      'My skills',
    ]);
    expect(labels(makeUser({ role: 'hr', employeeId: null }))).toEqual([
      ...ANALYTICS,
      'Forecast',
      'Employees',
      'Assignments',
      'Effectiveness',
      'Organisation',
      'Catalogue',
      'Imports',
    ]);
    expect(labels(makeUser({ role: 'admin', employeeId: null }))).toEqual([
      ...ANALYTICS,
      'Forecast',
      'Employees',
      'Assignments',
      'Effectiveness',
      'Organisation',
      'Catalogue',
      'Imports',
    ]);
    expect(labels(makeUser({ role: 'manager', employeeId: 3 }))).toEqual([
      ...ANALYTICS,
      'Forecast',
      'My people',
      'Assignments',
      'Organisation',
      'Catalogue',
      'My skills',
    ]);
    // Executives: aggregates only, no expert finder (names) and no people.
    expect(labels(makeUser({ role: 'exec', employeeId: 4 }))).toEqual([
      'Workforce outlook',
      ...AGGREGATE_ANALYTICS,
      'Organisation',
      'Catalogue',
    ]);
    expect(labels(makeUser({ role: 'employee', employeeId: 5 }))).toEqual(['My skills', 'Catalogue']);
  });

  it('links to the pages that exist', () => {
    expect(navItemsFor(makeUser({ role: 'manager', employeeId: 3 })).map((item) => item.to)).toEqual([
      '/overview',
      '/heatmap',
      '/gaps',
      '/single-points-of-failure',
      '/expiring',
      '/experts',
      '/forecast',
      '/employees',
      '/assignments',
      '/organisation',
      '/catalogue',
      '/me',
    ]);
  });
});

describe(homePathFor.name, () => {
  it('lands each persona on its home', () => {
    expect(homePathFor(makeUser({ role: 'hr' }))).toBe('/overview');
    expect(homePathFor(makeUser({ role: 'admin' }))).toBe('/overview');
    expect(homePathFor(makeUser({ role: 'manager' }))).toBe('/overview');
    expect(homePathFor(makeUser({ role: 'exec' }))).toBe('/forecast');
    expect(homePathFor(makeUser({ role: 'employee', employeeId: 5 }))).toBe('/me');
    expect(homePathFor(makeUser({ role: 'employee', employeeId: null }))).toBe('/catalogue');
  });
});

describe(canUsePage.name, () => {
  it('keeps employees out of the analytics and exec out of the pages that show people', () => {
    for (const page of ['overview', 'heatmap', 'gaps', 'single-points-of-failure', 'expiring', 'experts', 'matrix'] as const) {
      expect(canUsePage(makeUser({ role: 'employee' }), page)).toBe(false);
      expect(canUsePage(makeUser({ role: 'manager' }), page)).toBe(true);
    }
    expect(canUsePage(makeUser({ role: 'exec' }), 'heatmap')).toBe(true);
    expect(canUsePage(makeUser({ role: 'exec' }), 'matrix')).toBe(false);
    expect(canUsePage(makeUser({ role: 'exec' }), 'experts')).toBe(false);
  });

  it('keeps exec and employees out of the people list', () => {
    expect(canUsePage(makeUser({ role: 'exec' }), 'employees')).toBe(false);
    expect(canUsePage(makeUser({ role: 'employee' }), 'employees')).toBe(false);
    expect(canUsePage(makeUser({ role: 'employee' }), 'organisation')).toBe(false);
    expect(canUsePage(makeUser({ role: 'manager' }), 'employees')).toBe(true);
  });
});

describe(safeNextPath.name, () => {
  it('accepts only paths inside the app', () => {
    expect(safeNextPath('/employees?teamId=2')).toBe('/employees?teamId=2');
    expect(safeNextPath('//evil.example')).toBeNull();
    expect(safeNextPath('https://evil.example')).toBeNull();
    expect(safeNextPath('/sign-in')).toBeNull();
    expect(safeNextPath(null)).toBeNull();
  });
});
