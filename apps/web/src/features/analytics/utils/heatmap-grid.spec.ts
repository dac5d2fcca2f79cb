import { describe, expect, it } from 'vitest';
import { createFormatters, formatSettingsFrom } from '../../../lib/format';
import { makeAnalyticsSkill, makeHeatmap, makeHeatmapCell, makeHeatmapGroup, makeOrganisation } from '../../../testing/factories';
import { cellLookup, heatmapCell, metricScale, metricValue } from './heatmap-grid';

const format = createFormatters(formatSettingsFrom(makeOrganisation(), 'en-GB'));
const skill = makeAnalyticsSkill({ id: 1 });
const other = makeAnalyticsSkill({ id: 2, name: 'Tax law' });

describe(cellLookup.name, () => {
  it('treats a pair the API left out as empty: nobody holds or needs the skill', () => {
    const group = makeHeatmapGroup({ id: 1, headcount: 8 });
    const sut = cellLookup(makeHeatmap({ groups: [group], skills: [skill, other], cells: [makeHeatmapCell()] }));

    expect(sut(group, skill).gapPoints).toBe(3);
    expect(sut(group, other)).toMatchObject({ holders: [0, 0, 0, 0, 0], required: 0, coverage: null, gapPoints: 0, avgLevel: 0 });
  });

  it('keeps a missing pair of a suppressed group suppressed', () => {
    const group = makeHeatmapGroup({ id: 3, headcount: null, suppressed: true });
    const sut = cellLookup(makeHeatmap({ groups: [group], cells: [] }));

    expect(sut(group, skill)).toMatchObject({ suppressed: true, holders: null, coverage: null });
  });
});

describe(metricValue.name, () => {
  it('reads the §3 figure of each metric', () => {
    const cell = makeHeatmapCell();
    expect(metricValue(cell, { metric: 'coverage', level: 3 })).toBe(0.5);
    expect(metricValue(cell, { metric: 'avgLevel', level: 3 })).toBe(2.25);
    expect(metricValue(cell, { metric: 'holders', level: 4 })).toBe(1);
    expect(metricValue(cell, { metric: 'gapPoints', level: 3 })).toBe(3);
  });
});

describe(heatmapCell.name, () => {
  it('hatches a coverage withheld because too few people need the skill (exec)', () => {
    const cell = makeHeatmapCell({ required: 3, met: null, coverage: null, gapPoints: null });

    const sut = heatmapCell(cell, { metric: 'coverage', level: 3 }, format, 5);

    expect(sut).toMatchObject({ value: null, text: '', suppressed: true });
    expect(sut.details[0]).toBe('Coverage withheld: fewer than 5 people need this skill');
    // The holders of the same cell are not withheld.
    expect(heatmapCell(cell, { metric: 'holders', level: 1 }, format, 5)).toMatchObject({ value: 3, suppressed: false });
  });
});

describe(metricScale.name, () => {
  it('fixes coverage and level domains, and sizes counts to the data', () => {
    const cells = [makeHeatmapCell({ gapPoints: 12 }), makeHeatmapCell({ gapPoints: null })];
    expect(metricScale(cells, { metric: 'coverage', level: 3 }, format).domain).toEqual([0, 1]);
    expect(metricScale(cells, { metric: 'avgLevel', level: 3 }, format).domain).toEqual([0, 5]);
    expect(metricScale(cells, { metric: 'gapPoints', level: 3 }, format)).toMatchObject({ domain: [0, 12], reverse: true });
    expect(metricScale([], { metric: 'holders', level: 3 }, format).domain).toEqual([0, 1]);
  });
});
