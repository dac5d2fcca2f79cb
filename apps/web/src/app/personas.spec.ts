import { describe, expect, it } from 'vitest';
import { makeUser } from '../testing/factories';
import { canUsePage, homePathFor, navItemsFor, safeNextPath } from './personas';

const labels = (user: Parameters<typeof navItemsFor>[0]) => navItemsFor(user).map((item) => item.label);

describe(navItemsFor.name, () => {
  it('gives each persona its own navigation', () => {
    expect(labels(makeUser({ role: 'hr', employeeId: 1 }))).toEqual(['Employees', 'Organisation', 'Catalogue', 'My skills']);
    expect(labels(makeUser({ role: 'hr', employeeId: null }))).toEqual(['Employees', 'Organisation', 'Catalogue']);
    expect(labels(makeUser({ role: 'admin', employeeId: null }))).toEqual(['Employees', 'Organisation', 'Catalogue']);
    expect(labels(makeUser({ role: 'manager', employeeId: 3 }))).toEqual(['My people', 'Organisation', 'Catalogue', 'My skills']);
    expect(labels(makeUser({ role: 'exec', employeeId: 4 }))).toEqual(['Organisation', 'Catalogue']);
    expect(labels(makeUser({ role: 'employee', employeeId: 5 }))).toEqual(['My skills', 'Catalogue']);
  });

  it('links to the pages that exist', () => {
    expect(navItemsFor(makeUser({ role: 'manager', employeeId: 3 })).map((item) => item.to)).toEqual([
      '/employees',
      '/organisation',
      '/catalogue',
      '/me',
    ]);
  });
});

describe(homePathFor.name, () => {
  it('lands each persona on its home', () => {
    expect(homePathFor(makeUser({ role: 'hr' }))).toBe('/employees');
    expect(homePathFor(makeUser({ role: 'admin' }))).toBe('/employees');
    expect(homePathFor(makeUser({ role: 'manager' }))).toBe('/employees');
    expect(homePathFor(makeUser({ role: 'exec' }))).toBe('/organisation');
    expect(homePathFor(makeUser({ role: 'employee', employeeId: 5 }))).toBe('/me');
    expect(homePathFor(makeUser({ role: 'employee', employeeId: null }))).toBe('/catalogue');
  });
});

describe(canUsePage.name, () => {
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
