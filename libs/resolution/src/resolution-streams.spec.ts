import {
  defaultOwnerStream,
  keyStream,
  keyUsageStream,
  routingPreferenceStream,
  webhookStream,
} from '@keyledger/domain';
import { decidesResolution } from './resolution-streams';

describe('decidesResolution', () => {
  it.each([
    keyStream('k1'),
    routingPreferenceStream('p1'),
    defaultOwnerStream({ kind: 'org', org_id: 'o1' }),
    defaultOwnerStream({ kind: 'user', user_id: 'u1' }),
  ])('is true for %s', (stream) => {
    expect(decidesResolution(stream)).toBe(true);
  });

  it.each([keyUsageStream('k1'), webhookStream('w1'), 'idempotency-abc'])(
    'is false for %s',
    (stream) => {
      expect(decidesResolution(stream)).toBe(false);
    },
  );
});
