import { defaultOwnerStream, keyStream, routingPreferenceStream } from '@keyledger/domain';

/** Stream-name prefixes of the streams whose events change how a key resolves. */
const RESOLUTION_STREAM_PREFIXES: readonly string[] = [
  keyStream(''),
  routingPreferenceStream(''),
  defaultOwnerStream({ kind: 'org', org_id: '' }),
  defaultOwnerStream({ kind: 'user', user_id: '' }),
];

/** Whether a stream holds key, routing-preference or default events (usage streams do not qualify). */
export function decidesResolution(stream: string): boolean {
  return RESOLUTION_STREAM_PREFIXES.some((prefix) => stream.startsWith(prefix));
}
