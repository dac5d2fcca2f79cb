import { addMonths, parseIsoDate } from '@skillgrid/shared';

const DAY_MS = 86_400_000;

/**
 * Calendar dates as day numbers (days since 1970-01-01) with cached ISO strings, so that
 * generating millions of rows does not parse and format dates over and over. Month
 * arithmetic goes through the shared addMonths (clamped to the month's last day).
 */
export class Calendar {
  readonly today: number;
  private readonly isoCache = new Map<number, string>();
  private readonly monthCache = new Map<number, number>();

  constructor(readonly todayIso: string) {
    this.today = Calendar.dayOf(todayIso);
  }

  static dayOf(iso: string): number {
    const parsed = parseIsoDate(iso);
    if (!parsed) throw new RangeError(`Not an ISO calendar date: ${iso}`);
    return Date.UTC(parsed.year, parsed.month - 1, parsed.day) / DAY_MS;
  }

  iso(day: number): string {
    let text = this.isoCache.get(day);
    if (text === undefined) {
      text = new Date(day * DAY_MS).toISOString().slice(0, 10);
      this.isoCache.set(day, text);
    }
    return text;
  }

  /** `day` + `months` calendar months, clamped (2024-01-31 + 1 month = 2024-02-29). */
  addMonths(day: number, months: number): number {
    const key = day * 256 + (months + 128);
    let result = this.monthCache.get(key);
    if (result === undefined) {
      result = Calendar.dayOf(addMonths(this.iso(day), months));
      this.monthCache.set(key, result);
    }
    return result;
  }

  /** The first day of the month `offset` months after `day`'s month. */
  monthStart(day: number, offset: number): number {
    const date = new Date(day * DAY_MS);
    return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1) / DAY_MS;
  }
}
