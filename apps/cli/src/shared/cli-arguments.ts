import { InvalidArgumentError } from 'commander';
import { parseTimestamp } from '@keyledger/domain';

/** `--from 2026-06-01` / `--to 2026-06-01T12:00:00Z`: an instant, as epoch ms. */
export function parseTime(value: string): number {
  const instant = parseTimestamp(value);
  if (instant === null) {
    throw new InvalidArgumentError(
      'expected an ISO-8601 date, or a date and time with an offset (2026-06-01T09:30:00Z).',
    );
  }
  return instant.getTime();
}

/** A whole number from 0 to `max`. */
export const wholeNumber =
  (max: number) =>
  (value: string): number => {
    const number = Number(value);
    if (!/^\d+$/.test(value) || number > max)
      throw new InvalidArgumentError(`expected a whole number from 0 to ${max}.`);
    return number;
  };

/** A percentage from 0 to 1000, decimals allowed. */
export function percent(value: string): number {
  const number = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || number > 1000)
    throw new InvalidArgumentError('expected a percentage from 0 to 1000, such as 80.');
  return number;
}

/** Collects a repeatable option that also takes comma lists: `--x a,b --x c` → `[a, b, c]`. */
export const listOf = (value: string, previous: readonly string[] = []): string[] => [
  ...previous,
  ...value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== ''),
];
