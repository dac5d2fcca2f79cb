import { describe, expect, it } from 'vitest';
import { makeTeam } from '../../../testing/factories';
import { filterTeamTree, flattenTeamTree, teamPath } from './team-tree';

const teams = [
  makeTeam({ id: 3, name: 'Tax', parentId: 1 }),
  makeTeam({ id: 1, name: 'Finance', parentId: null }),
  makeTeam({ id: 2, name: 'Accounts', parentId: 1 }),
  makeTeam({ id: 4, name: 'Payables', parentId: 2 }),
  makeTeam({ id: 5, name: 'Engineering', parentId: null }),
];

describe(flattenTeamTree.name, () => {
  it('lists parents before children and siblings by name, with their level', () => {
    const sut = flattenTeamTree(teams);

    expect(sut.map((row) => [row.team.name, row.level])).toEqual([
      ['Engineering', 0],
      ['Finance', 0],
      ['Accounts', 1],
      ['Payables', 2],
      ['Tax', 1],
    ]);
    expect(sut.find((row) => row.team.id === 4)?.parentName).toBe('Accounts');
  });

  it('makes a team whose parent is out of scope a root (a manager’s own team)', () => {
    const sut = flattenTeamTree([
      makeTeam({ id: 2, name: 'Accounts', parentId: 1 }),
      makeTeam({ id: 4, name: 'Payables', parentId: 2 }),
    ]);

    expect(sut.map((row) => [row.team.name, row.level])).toEqual([
      ['Accounts', 0],
      ['Payables', 1],
    ]);
  });

  it('still lists teams caught in a cycle', () => {
    const sut = flattenTeamTree([makeTeam({ id: 1, name: 'A', parentId: 2 }), makeTeam({ id: 2, name: 'B', parentId: 1 })]);

    expect(sut.map((row) => row.team.name).sort()).toEqual(['A', 'B']);
  });
});

describe(filterTeamTree.name, () => {
  it('keeps matches and their ancestors', () => {
    const sut = filterTeamTree(flattenTeamTree(teams), 'pay');

    expect(sut.map((row) => row.team.name)).toEqual(['Finance', 'Accounts', 'Payables']);
  });
});

describe(teamPath.name, () => {
  it('gives the visible ancestors, top-most first', () => {
    expect(teamPath(teams, 4).map((team) => team.name)).toEqual(['Finance', 'Accounts', 'Payables']);
    expect(teamPath(teams.slice(2), 4).map((team) => team.name)).toEqual(['Accounts', 'Payables']);
    expect(teamPath(teams, 99)).toEqual([]);
  });
});
