/** A connection string this adapter must not run with, or nothing. */
export function unsafeConnectionSetting(connectionString: string): string | null {
  const query = connectionString.split('?').slice(1).join('?');
  let throwOnAppendFailure: string | null = null;
  for (const pair of query.split('&')) {
    const [key = '', value = ''] = pair.split('=');
    // The client reads keys case- and separator-insensitively, and the last one wins.
    if (key.trim().toLowerCase().replace(/[_-]/g, '') === 'throwonappendfailure') {
      throwOnAppendFailure = value.trim();
    }
  }
  if (throwOnAppendFailure === 'false') {
    return (
      'EVENTSTORE_URL sets throwOnAppendFailure=false: the client would then answer a revision ' +
      'conflict with {success:false} instead of an error, and conflicts (409/412) would stop ' +
      'working. Remove the setting (true is the default).'
    );
  }
  return null;
}
