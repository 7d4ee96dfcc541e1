import { HttpError } from '../errors/http-error.js';

/** What Ajv's `date-time` format lets through (its fast mode: month 00-19, day 00-39, hour 00-29, any second 60), taken apart. */
const DATE_TIME = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?(?:Z|([+-])(\d\d)(?::?(\d\d))?)$/i;

/** The years every store compares and keeps alike: SQLite compares ISO text, which has four digits only within them. */
const MIN_YEAR = 0;
const MAX_YEAR = 9999;

/**
 * A `date-time` input of the API (a query parameter or a body field, already format-checked by the validator) as a
 * Date. The format admits what no Date holds: a leap second, February 30, hour 24. `new Date()` turned those into an
 * invalid date (a 500 in the store) or quietly into another day; they are refused as 400 naming the input instead.
 */
export function parseInstant(name: string, value: string): Date {
  const m = DATE_TIME.exec(value);
  if (!m) throw invalid(name, value, 'it is not an RFC 3339 date-time such as 2026-11-27T04:00:00Z');
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const millis = Number((m[7] ?? '').slice(0, 3).padEnd(3, '0'));
  const offsetMinutes = m[8] ? (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10] ?? 0)) : 0;
  if (second === 60) throw invalid(name, value, 'leap seconds (second 60) cannot be represented; use second 59');
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) {
    throw invalid(name, value, 'no such date or time of day');
  }
  if (Number(m[9] ?? 0) > 23 || Number(m[10] ?? 0) > 59) throw invalid(name, value, 'the UTC offset is out of range');
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  date.setTime(date.getTime() - offsetMinutes * 60_000);
  const utcYear = date.getUTCFullYear();
  if (utcYear < MIN_YEAR || utcYear > MAX_YEAR) throw invalid(name, value, 'it lies outside the years 0000-9999 in UTC');
  return date;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeap(year) ? 1 : 0);
}

const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

function invalid(name: string, value: string, why: string): HttpError {
  const shown = value.length > 64 ? `${value.slice(0, 64)}...` : value;
  return new HttpError(400, 'invalid_parameter', `${name} "${shown}" is not a valid instant: ${why}.`);
}
