import pino from 'pino';
import { AccessLog, AccessLogSink } from './access-log';

/** A sink that keeps what it was given, line by line. */
const memorySink = (): AccessLogSink & { lines: string[] } => {
  const lines: string[] = [];
  return { lines, write: (line: string) => lines.push(line), flushSync: () => undefined };
};

const withoutTime = (line: string): Record<string, unknown> => {
  const { time, ...rest } = JSON.parse(line) as Record<string, unknown>;
  expect(typeof time).toBe('number');
  return rest;
};

describe('AccessLog', () => {
  it('writes the line pino writes for the same fields, in the same order', () => {
    const sink = memorySink();
    new AccessLog('info', sink).record(
      'POST',
      '/api/v1/resolve',
      429,
      0.1234,
      'req-1',
      'limit_exceeded',
    );
    const pinoLines: string[] = [];
    pino({ level: 'info' }, { write: (line: string) => pinoLines.push(line) }).info(
      {
        method: 'POST',
        route: '/api/v1/resolve',
        status: 429,
        ms: 0.12,
        request_id: 'req-1',
        error_code: 'limit_exceeded',
      },
      'request completed',
    );
    expect(sink.lines).toHaveLength(1);
    expect(sink.lines[0].endsWith('\n')).toBe(true);
    expect(Object.keys(JSON.parse(sink.lines[0]))).toEqual(Object.keys(JSON.parse(pinoLines[0])));
    expect(withoutTime(sink.lines[0])).toEqual(withoutTime(pinoLines[0]));
  });

  it('keeps the line valid JSON whatever the strings hold', () => {
    const sink = memorySink();
    new AccessLog('debug', sink).record('GET', '/a"b\\c\n', 200, 1, 'id', null);
    expect(JSON.parse(sink.lines[0])).toMatchObject({ route: '/a"b\\c\n', error_code: null });
  });

  it.each(['warn', 'error', 'silent'] as const)('writes nothing at level %s', (level) => {
    const sink = memorySink();
    new AccessLog(level, sink).record('GET', '/health', 200, 1, 'id', null);
    expect(sink.lines).toEqual([]);
  });
});
