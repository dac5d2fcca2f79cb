import { describe, expect, it } from 'vitest';
import { summariseCluster } from './cluster-summary';

const skills: Record<number, Array<{ skillId: number; skillName: string; level: number }>> = {
  1: [
    { skillId: 10, skillName: 'Python', level: 2 },
    { skillId: 11, skillName: 'SQL', level: 1 },
  ],
  2: [{ skillId: 10, skillName: 'Python', level: 4 }],
  3: [{ skillId: 12, skillName: 'Data modelling', level: 3 }],
};

describe('summariseCluster', () => {
  it('adds up hours and cost in order and keeps each skill at its highest level', () => {
    const summary = summariseCluster(
      [
        { credentialId: 1, name: 'Python basics', hours: 10.5, cost: 100.1 },
        { credentialId: 2, name: 'Advanced Python', hours: 20, cost: 0.2 },
        { credentialId: 3, name: 'Modelling', hours: 4, cost: 250 },
      ],
      (id) => skills[id],
    );
    expect(summary.lines.map((line) => [line.position, line.runningHours, line.runningCost])).toEqual([
      [1, 10.5, 100.1],
      [2, 30.5, 100.3],
      [3, 34.5, 350.3],
    ]);
    expect(summary.totalHours).toBe(34.5);
    expect(summary.totalCost).toBe(350.3);
    expect(summary.skills).toEqual([
      { skillId: 10, skillName: 'Python', level: 4 },
      { skillId: 12, skillName: 'Data modelling', level: 3 },
      { skillId: 11, skillName: 'SQL', level: 1 },
    ]);
    expect(summary.unknownSkills).toBe(0);
  });

  it('counts the credentials whose skills are not known', () => {
    const summary = summariseCluster([{ credentialId: 9, name: 'Unknown', hours: 1, cost: 1 }], () => undefined);
    expect(summary.skills).toEqual([]);
    expect(summary.unknownSkills).toBe(1);
  });

  it('is empty for no credentials', () => {
    expect(summariseCluster([], () => [])).toEqual({ lines: [], totalHours: 0, totalCost: 0, skills: [], unknownSkills: 0 });
  });
});
