/** What the API tells the console at `/console/config.json`. */
export interface ConsoleConfig {
  readonly oidc: {
    readonly issuer: string;
    readonly client_id: string;
    readonly scope: string;
  } | null;
}

/** Reads the console's configuration from the service that serves it. */
export async function fetchConsoleConfig(): Promise<ConsoleConfig> {
  const response = await fetch('/console/config.json', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`The console configuration answered ${response.status}.`);
  return (await response.json()) as ConsoleConfig;
}
