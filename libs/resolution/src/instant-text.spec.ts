import fc from 'fast-check';
import { instantText } from './instant-text';

describe('instantText', () => {
  it('is the ISO-8601 text of the instant, asked once or again among many others', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4_102_444_800_000 }), { minLength: 1 }),
        (instants) => {
          for (const ms of [...instants, ...instants])
            expect(instantText(ms)).toBe(new Date(ms).toISOString());
        },
      ),
    );
  });
});
