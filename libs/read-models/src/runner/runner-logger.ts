/** Where the runner reports what an operator must act on; pino and Nest loggers fit behind it. */
export interface RunnerLogger {
  error(message: string, context: Readonly<Record<string, unknown>>): void;
}
