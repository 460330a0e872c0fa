import { usageBucketStart } from './usage-bucket';

describe('usageBucketStart', () => {
  it('is the start of the UTC minute', () => {
    expect(usageBucketStart(Date.parse('2028-02-29T23:59:59.999Z'))).toBe(
      Date.parse('2028-02-29T23:59:00.000Z'),
    );
  });

  it('puts a minute boundary into the next bucket', () => {
    expect(usageBucketStart(Date.parse('2028-03-01T00:00:00.000Z'))).toBe(
      Date.parse('2028-03-01T00:00:00.000Z'),
    );
  });
});
