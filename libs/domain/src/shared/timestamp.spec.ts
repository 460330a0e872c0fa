import { parseTimestamp } from './timestamp';

describe('parseTimestamp', () => {
  it.each([
    ['2027-01-01T00:00:00Z', '2027-01-01T00:00:00.000Z'],
    ['2027-01-01T00:00:00.123Z', '2027-01-01T00:00:00.123Z'],
    ['2027-01-01T01:30:00+01:30', '2027-01-01T00:00:00.000Z'],
    ['2027-01-01T10:00Z', '2027-01-01T10:00:00.000Z'],
    ['2027-01-01', '2027-01-01T00:00:00.000Z'],
    ['2028-02-29', '2028-02-29T00:00:00.000Z'],
  ])('reads %s as %s', (input, instant) => {
    expect(parseTimestamp(input)?.toISOString()).toBe(instant);
  });

  it.each([
    ['a time without a time zone', '2027-01-01T10:00:00'],
    ['a day that does not exist', '2027-02-29'],
    ['the 30th of February', '2027-02-30T00:00:00Z'],
    ['hour 24', '2027-01-01T24:00:00Z'],
    ['month 13', '2027-13-01'],
    ['free text', 'tomorrow'],
    ['a number', 1798761600000],
    ['an empty string', ''],
  ])('refuses %s', (_, input) => {
    expect(parseTimestamp(input)).toBeNull();
  });
});

describe('parseTimestamp: leap years', () => {
  it.each([
    ['2000-02-29', true],
    ['2100-02-29', false],
    ['2024-02-29T23:59:59Z', true],
    ['0000-02-29', true],
  ])('%s exists: %p', (input, exists) => {
    expect(parseTimestamp(input) !== null).toBe(exists);
  });
});
