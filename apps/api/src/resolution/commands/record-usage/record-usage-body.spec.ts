import 'reflect-metadata';
import fc from 'fast-check';
import { strictValidationPipe } from '../../../shared/errors/validation.pipe';
import { isPlainRecordUsageBody } from './record-usage-body';
import { RecordUsageRequestDto } from './record-usage.request.dto';

/** Whether the DTO, through the service's validation pipe, accepts a body. */
const dtoAccepts = (value: unknown): Promise<boolean> =>
  strictValidationPipe()
    .transform(value, { type: 'body', metatype: RecordUsageRequestDto })
    .then(
      () => true,
      () => false,
    );

/** Field values around the edges of the DTO's rules. */
const fieldValue = fc.oneof(
  fc.constantFrom(0, -0, -1, 1e12, 1e12 + 1, 0.0123, true, false, null, '', '1'),
  fc.double(),
  fc.string({ maxLength: 300 }),
  fc.jsonValue(),
);

describe('isPlainRecordUsageBody', () => {
  it('accepts only what RecordUsageRequestDto accepts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          fc.record(
            { cost: fieldValue, byok: fieldValue, model: fieldValue, other: fieldValue },
            { requiredKeys: [] },
          ),
        ),
        async (body) => {
          if (isPlainRecordUsageBody(body)) expect(await dtoAccepts(body)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it.each([
    { cost: 0 },
    { cost: 0.0123, byok: false, model: 'openai/gpt-4o' },
    { cost: 1e12, byok: true },
  ])('takes %p without the DTO', (body) => {
    expect(isPlainRecordUsageBody(body)).toBe(true);
  });

  it.each([
    undefined,
    null,
    {},
    { cost: -1 },
    { cost: '1' },
    { cost: 1, byok: null },
    { cost: 1, x: 1 },
  ])('leaves %p to the DTO', (body) => {
    expect(isPlainRecordUsageBody(body)).toBe(false);
  });
});
