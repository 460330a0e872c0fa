import { AllStreamRecordedEvent } from '@eventstore/db-client';
import { testMetadata } from './fixtures';

/** An event as the EventStoreDB client hands it over from `$all`. */
export const esdbEvent = (
  overrides: Partial<AllStreamRecordedEvent> = {},
): AllStreamRecordedEvent =>
  ({
    streamId: 'key-1',
    id: '6f1c8c52-9a55-4bd0-a1b1-6a4d8f0f4d2e',
    isJson: true,
    revision: 2n,
    type: 'KeyCreated',
    created: new Date('2026-01-02T03:04:05.000Z'),
    data: { name: 'ci' },
    metadata: { ...testMetadata() },
    position: { commit: 1234n, prepare: 1234n },
    ...overrides,
  }) as AllStreamRecordedEvent;
