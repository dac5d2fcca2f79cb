import { describe, expect, it } from 'vitest';
import { createFormatters, formatSettingsFrom } from './format';
import { makeOrganisation } from '../testing/factories';

describe(createFormatters.name, () => {
  const sut = createFormatters(
    formatSettingsFrom(
      makeOrganisation({ timeZone: 'America/Los_Angeles', currency: 'EUR', levelLabels: { 3: 'Skilled' } }),
      'en-GB',
    ),
  );

  it('shows a calendar date as that day, whatever the organisation’s time zone', () => {
    expect(sut.date('2025-01-01')).toBe('1 Jan 2025');
    expect(sut.date(null)).toBe('–');
  });

  it('names a calendar month, from a month or a date in it', () => {
    expect(sut.month('2025-06')).toBe('Jun 2025');
    expect(sut.month('2025-01-31')).toBe('Jan 2025');
    expect(sut.month(null)).toBe('–');
  });

  it('formats instants in the organisation’s time zone', () => {
    // 07:30 UTC is still the previous evening in Los Angeles.
    expect(sut.date('2025-01-01T07:30:00Z')).toBe('31 Dec 2024, 23:30');
  });

  it('formats money in the organisation’s currency and percentages without decimals', () => {
    expect(sut.money(1234.5)).toBe('€1,234.50');
    expect(sut.percent(0.6666)).toBe('67%');
  });

  it('labels levels with the organisation’s labels, falling back to the defaults', () => {
    expect(sut.level(3)).toBe('3 · Skilled');
    expect(sut.level(5)).toBe('5 · Expert');
    expect(sut.level(0)).toBe('None');
  });

  it('survives an unknown time zone or currency', () => {
    const odd = createFormatters(formatSettingsFrom(makeOrganisation({ timeZone: 'Mars/Olympus', currency: 'XXXX' }), 'en-GB'));
    expect(odd.date('2025-01-01T12:00:00Z')).toBe('1 Jan 2025, 12:00');
    expect(odd.money(10)).toBe('10');
  });
});
