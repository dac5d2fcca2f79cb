import { addDays, addMonths, daysBetween, endOfMonth, isIsoDate, todayInTimeZone } from './dates';

describe('calendar dates', () => {
  it('adds months clamped to the last day of the month (DESIGN §2)', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2024-11-15', 14)).toBe('2026-01-15');
    expect(addMonths('2024-05-31', 12)).toBe('2025-05-31');
  });

  it('refuses dates that do not exist', () => {
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('24-01-01')).toBe(false);
    expect(isIsoDate(20240101)).toBe(false);
    expect(() => addMonths('2024-02-30', 1)).toThrow(RangeError);
  });

  it('counts and shifts days across month and year ends', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(endOfMonth('2023-02-10')).toBe('2023-02-28');
  });

  it("takes today in the organisation's time zone, not the server's", () => {
    const instant = new Date('2026-03-01T23:30:00Z');
    expect(todayInTimeZone('UTC', instant)).toBe('2026-03-01');
    expect(todayInTimeZone('Asia/Tokyo', instant)).toBe('2026-03-02');
    expect(todayInTimeZone('America/New_York', instant)).toBe('2026-03-01');
  });
});
