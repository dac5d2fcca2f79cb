import { CREDENTIAL_TYPES, DELIVERY_METHODS } from '@skillgrid/shared';
import { catalogueProblems, demoCatalogue } from './catalogue';
import { apportion, planOrganisation } from './org-structure';

describe('demo catalogue', () => {
  const catalogue = demoCatalogue();

  it('is internally consistent', () => {
    expect(catalogueProblems()).toEqual([]);
  });

  it('has a realistic size and mix', () => {
    expect(catalogue.categories.length).toBeGreaterThanOrEqual(12);
    expect(catalogue.skills.length).toBeGreaterThanOrEqual(140);
    expect(new Set(catalogue.skills.map((s) => s.kind))).toEqual(new Set(['hard', 'soft']));
    expect(catalogue.roles.length).toBeGreaterThanOrEqual(25);
    expect(catalogue.credentials.length).toBeGreaterThanOrEqual(120);
    expect(catalogue.clusters.length).toBeGreaterThanOrEqual(12);
    expect(new Set(catalogue.credentials.map((c) => c.type))).toEqual(new Set(CREDENTIAL_TYPES));
    expect(new Set(catalogue.credentials.map((c) => c.deliveryMethod))).toEqual(new Set(DELIVERY_METHODS));
    expect(new Set(catalogue.clusters.map((c) => c.purpose))).toEqual(new Set(['role', 'career_goal', 'cross_skilling']));
  });

  it('grants every requirement of every role at its level through some credential', () => {
    for (const role of catalogue.roles) {
      expect(role.requirements.length).toBeGreaterThanOrEqual(4);
      expect(role.requirements.length).toBeLessThanOrEqual(10);
      for (const requirement of role.requirements) {
        const granting = catalogue.credentials.filter((c) =>
          c.grants.some((g) => g.skillId === requirement.skillId && g.level >= requirement.level),
        );
        expect({ role: role.name, skill: requirement.skillId, granting: granting.length > 0 }).toEqual({
          role: role.name,
          skill: requirement.skillId,
          granting: true,
        });
      }
    }
  });

  it('gives deterministic, well-formed external references', () => {
    const esco = catalogue.skills.filter((s) => s.externalRef !== null);
    expect(esco.length).toBeGreaterThan(catalogue.skills.length * 0.3);
    for (const skill of esco)
      expect(skill.externalRef).toMatch(
        /^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    expect(catalogue.credentials.filter((c) => c.credlyTemplateId).length).toBeGreaterThan(10);
    expect(catalogue.credentials.filter((c) => c.badgrClassId).length).toBeGreaterThan(10);
    expect(catalogue.credentials.filter((c) => c.achievementId).length).toBeGreaterThan(10);
    const validities = new Set(catalogue.credentials.map((c) => c.validityMonths));
    expect(validities).toContain(null);
    expect(validities).toContain(12);
    expect(validities).toContain(24);
    expect(validities).toContain(36);
  });
});

describe('organisation plan', () => {
  const catalogue = demoCatalogue();

  it('apportions exactly', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [0.5, 0.25, 0.25]).reduce((a, b) => a + b, 0)).toBe(7);
  });

  it.each([400, 2000, 100_000])('builds a three-level tree for %i employees with leaf teams of 20–80 people', (employees) => {
    const plan = planOrganisation(catalogue, employees, 42);
    const byDepth = [0, 1, 2].map((depth) => plan.teams.filter((t) => t.depth === depth).length);
    expect(byDepth[0]).toBe(5);
    expect(byDepth[1]).toBe(13);
    if (employees >= 2000) {
      for (const leaf of plan.teams.filter((t) => t.kind === 'leaf')) {
        expect(leaf.size).toBeGreaterThanOrEqual(20);
        expect(leaf.size).toBeLessThanOrEqual(85);
      }
    }
    expect(plan.teams.reduce((sum, t) => sum + t.size, 0)).toBe(employees);
    expect(new Set(plan.teams.map((t) => t.name.toLowerCase())).size).toBe(plan.teams.length);
    for (const team of plan.teams) {
      const parent = team.parentId === null ? null : plan.teams[team.parentId - 1];
      expect(team.path).toBe(`${parent ? parent.path : '/'}${team.id}/`);
      expect(team.depth).toBe(parent ? parent.depth + 1 : 0);
    }
  });

  it('maps employee ids to slots one-to-one', () => {
    for (const employees of [101, 400, 2048, 99_991]) {
      const plan = planOrganisation(catalogue, employees, 7);
      const seen = new Uint8Array(employees);
      let roundTrips = 0;
      for (let id = 1; id <= employees; id++) {
        const slot = plan.slotOfId(id);
        if (plan.idOfSlot(slot) === id) roundTrips++;
        seen[slot] = 1;
      }
      expect(roundTrips).toBe(employees);
      expect(seen.every((v) => v === 1)).toBe(true);
    }
  });
});
