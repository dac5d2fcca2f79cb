import { DEFAULT_LEVEL_LABELS, parseIsoDate } from '@skillgrid/shared';
import type { OrganisationDto } from '@skillgrid/shared';

export interface FormatSettings {
  timeZone: string;
  currency: string;
  levelLabels: Record<number, string>;
  privacyMinGroup: number;
  /** BCP 47 locale; undefined uses the browser's. */
  locale?: string;
}

export const DEFAULT_FORMAT_SETTINGS: FormatSettings = {
  timeZone: 'UTC',
  currency: 'EUR',
  levelLabels: { ...DEFAULT_LEVEL_LABELS },
  privacyMinGroup: 5,
};

export function formatSettingsFrom(org: OrganisationDto | undefined, locale?: string): FormatSettings {
  if (!org) return { ...DEFAULT_FORMAT_SETTINGS, locale };
  return {
    timeZone: org.timeZone,
    currency: org.currency,
    levelLabels: { ...DEFAULT_LEVEL_LABELS, ...org.levelLabels },
    privacyMinGroup: org.privacyMinGroup,
    locale,
  };
}

export interface Formatters {
  settings: FormatSettings;
  /** A calendar date (YYYY-MM-DD) or an instant; empty values become an en dash. */
  date: (value: string | null | undefined) => string;
  /** A calendar month (YYYY-MM) → "Jun 2025". */
  month: (value: string | null | undefined) => string;
  /** 0..1 → "83 %" (no decimals, UI.md). */
  percent: (fraction: number | null | undefined) => string;
  money: (amount: number | null | undefined) => string;
  number: (value: number | null | undefined, maximumFractionDigits?: number) => string;
  /** "3 · Practitioner"; 0 → "None". */
  level: (level: number | null | undefined) => string;
  levelLabel: (level: number) => string;
}

const DASH = '–';

export function createFormatters(settings: FormatSettings): Formatters {
  const { locale, timeZone, currency, levelLabels } = settings;
  // A calendar date is not an instant: formatting it in a time zone west of UTC would show the
  // previous day, so dates are pinned to UTC and only instants use the organisation's zone.
  const calendarDate = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const calendarMonth = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const instant = safeDateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const money = safeCurrencyFormat(locale, currency);

  const levelLabel = (level: number) => levelLabels[level] ?? DEFAULT_LEVEL_LABELS[level] ?? `Level ${level}`;

  return {
    settings,
    date: (value) => {
      if (!value) return DASH;
      const parts = parseIsoDate(value);
      if (parts) return calendarDate.format(new Date(Date.UTC(parts.year, parts.month - 1, parts.day)));
      const time = Date.parse(value);
      return Number.isNaN(time) ? value : instant.format(new Date(time));
    },
    month: (value) => {
      if (!value) return DASH;
      const parts = parseIsoDate(`${value.slice(0, 7)}-01`);
      return parts ? calendarMonth.format(new Date(Date.UTC(parts.year, parts.month - 1, 1))) : value;
    },
    percent: (fraction) => (fraction === null || fraction === undefined ? DASH : percent.format(fraction)),
    money: (amount) => (amount === null || amount === undefined ? DASH : money.format(amount)),
    number: (value, maximumFractionDigits = 0) =>
      value === null || value === undefined ? DASH : new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value),
    level: (level) => {
      if (level === null || level === undefined || level <= 0) return 'None';
      return `${level} · ${levelLabel(level)}`;
    },
    levelLabel,
  };
}

function safeDateTimeFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, options);
  } catch {
    // An unknown zone from a misconfigured organisation must not take the page down.
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  }
}

function safeCurrencyFormat(locale: string | undefined, currency: string): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency });
  } catch {
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  }
}
