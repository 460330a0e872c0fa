import { unsafeConnectionSetting } from './esdb-connection-string';

describe('unsafeConnectionSetting', () => {
  it('refuses throwOnAppendFailure=false however the key is spelled', () => {
    for (const url of [
      'esdb://localhost:2113?tls=false&throwOnAppendFailure=false',
      'esdb://localhost:2113?throw_on_append_failure=false',
      'esdb://a:2113,b:2113?ThrowOnAppendFailure=false&tls=false',
      'esdb://localhost:2113?throwOnAppendFailure=true&throwOnAppendFailure=false',
    ]) {
      expect(unsafeConnectionSetting(url)).toMatch(/throwOnAppendFailure=false.*409\/412/);
    }
  });

  it('accepts the default and an explicit true', () => {
    expect(unsafeConnectionSetting('esdb://localhost:2113?tls=false')).toBeNull();
    expect(unsafeConnectionSetting('esdb://localhost:2113')).toBeNull();
    expect(
      unsafeConnectionSetting('esdb://h:2113?throwOnAppendFailure=false&throwOnAppendFailure=true'),
    ).toBeNull();
  });
});
