import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { canonicalJson } from '@keyledger/client';
import { recordedEvent } from '@keyledger/event-store/testing';
import { auditLeafOf, leafDataOf, newLeafOf } from './audit-leaf';
import { leafHashOf } from './tree-hashing';

describe('the leaf of an event', () => {
  it('is the JCS of exactly its seven fields, leaving its position out', () => {
    const event = recordedEvent({ id: 'e1', data: { z: 1, a: 'é' } });
    const text = leafDataOf(event).toString('utf8');
    expect(Object.keys(JSON.parse(text))).toEqual([
      'data',
      'id',
      'metadata',
      'recorded_at',
      'revision',
      'stream',
      'type',
    ]);
    expect(text).toBe(canonicalize(auditLeafOf(event)));
    expect(text).toContain('"data":{"a":"é","z":1}');
    expect(newLeafOf(event)).toEqual({
      event_id: 'e1',
      position: event.position,
      hash: leafHashOf(Buffer.from(text, 'utf8')),
    });
  });

  it('is encoded as the canonicalize package (by the RFC 8785 authors) encodes any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
      }),
      { numRuns: 2_000 },
    );
  });
});
