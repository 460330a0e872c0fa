import 'reflect-metadata';
import fc from 'fast-check';
import { strictValidationPipe } from '../../../shared/errors/validation.pipe';
import { isPlainResolveBody } from './resolve-body';
import { ResolveRequestDto } from './resolve.request.dto';

/** Whether the DTO, through the service's validation pipe, accepts a body. */
const dtoAccepts = (value: unknown): Promise<boolean> =>
  strictValidationPipe()
    .transform(value, { type: 'body', metatype: ResolveRequestDto })
    .then(
      () => true,
      () => false,
    );

/** Field values around the edges of the DTO's rules. */
const fieldValue = fc.oneof(
  fc.constantFrom('completions', 'skills', 'billing', 'management', 'everything', '', null, 1),
  fc.string({ maxLength: 300 }),
  fc.jsonValue(),
);

describe('isPlainResolveBody', () => {
  it('accepts only what ResolveRequestDto accepts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          fc.record(
            { model: fieldValue, scope: fieldValue, other: fieldValue },
            { requiredKeys: [] },
          ),
        ),
        async (body) => {
          if (isPlainResolveBody(body)) expect(await dtoAccepts(body)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it.each([
    undefined,
    {},
    { model: 'openai/gpt-4o' },
    { model: 'openai/gpt-4o', scope: 'completions' },
    { scope: 'skills' },
  ])('takes %p without the DTO', (body) => {
    expect(isPlainResolveBody(body)).toBe(true);
  });

  it.each([null, [], 'text', { model: null }, { model: '' }, { scope: 'x' }, { secret: 's' }])(
    'leaves %p to the DTO',
    (body) => {
      expect(isPlainResolveBody(body)).toBe(false);
    },
  );
});
