import { EventStoreError } from '@keyledger/event-store';
import { toErrorResponse } from './error-response';

const answer = (error: unknown) => {
  const { status, headers, body } = toErrorResponse(error, 'req_1');
  return {
    status,
    retryAfter: headers['Retry-After'],
    code: body.error.code,
    header: headers['X-Error-Code'],
  };
};

describe('toErrorResponse: event store failures', () => {
  it.each([
    ['deadline_exceeded', 503, 'event_store_timeout', '1'],
    ['unavailable', 503, 'event_store_unavailable', '1'],
    ['not_leader', 503, 'event_store_unavailable', '1'],
    ['access_denied', 503, 'event_store_access_denied', undefined],
    ['stream_deleted', 410, 'stream_deleted', undefined],
    ['max_append_size', 413, 'payload_too_large', undefined],
  ] as const)('answers %s with %i %s (Retry-After: %s)', (kind, status, code, retryAfter) => {
    expect(answer(new EventStoreError(kind, `EventStoreDB at 10.0.0.5: ${kind}`))).toEqual({
      status,
      retryAfter,
      code,
      header: code,
    });
  });

  it('tells the client a timed-out write may have been stored, and names no host', () => {
    const { body } = toErrorResponse(
      new EventStoreError('deadline_exceeded', 'EventStoreDB at 10.0.0.5 did not answer'),
      'req_1',
    );
    expect(body.error.message).toMatch(/may have been stored/);
    expect(JSON.stringify(body)).not.toContain('10.0.0.5');
  });

  it('still answers anything unknown with a 500', () => {
    expect(answer(new Error('boom'))).toMatchObject({ status: 500, code: 'internal_error' });
  });
});
