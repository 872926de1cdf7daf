/**
 * File sizes and speeds through Intl.NumberFormat, as a phone shows them: 1 MB = 1024² bytes
 * (as the chat's video record does), one decimal from MB up, whole kB.
 */
import { appLocale } from './i18n';

const STEPS = [
  { unit: 'gigabyte', size: 1024 ** 3, digits: 1 },
  { unit: 'megabyte', size: 1024 ** 2, digits: 1 },
  { unit: 'kilobyte', size: 1024, digits: 0 },
] as const;

const formats = new Map<string, Intl.NumberFormat>();

/** One formatter per locale and unit: progress redraws many times a second. */
function unitFormat(locale: string | undefined, unit: string, digits: number, long: boolean) {
  const key = `${locale ?? ''}|${unit}|${digits}|${long}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit,
      unitDisplay: long ? 'long' : 'short',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formats.set(key, format);
  }
  return format;
}

function formatAmount(bytes: number, suffix: '' | '-per-second', locale?: string) {
  const step = STEPS.find(({ size }) => bytes >= size);
  if (!step) return unitFormat(locale, `byte${suffix}`, 0, suffix === '').format(bytes);
  return unitFormat(locale, `${step.unit}${suffix}`, step.digits, false).format(bytes / step.size);
}

/** "0 bytes", "2 kB", "286.1 MB", "1.5 GB". */
export const formatBytes = (bytes: number, locale: string = appLocale()) =>
  formatAmount(bytes, '', locale);

/** Bytes per second as "12.3 MB/s". */
export const formatSpeed = (bytesPerSecond: number, locale: string = appLocale()) =>
  formatAmount(bytesPerSecond, '-per-second', locale);
