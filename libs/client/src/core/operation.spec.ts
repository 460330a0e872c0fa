import { fillPath, operation } from './operation';

describe('fillPath', () => {
  it('fills each placeholder, URI-encoded', () => {
    expect(fillPath('/api/v1/keys/{id}/routing-rules', { id: 'a/b c' })).toBe(
      '/api/v1/keys/a%2Fb%20c/routing-rules',
    );
  });

  it('leaves a path without placeholders as it is', () => {
    expect(fillPath('/api/v1/key', {})).toBe('/api/v1/key');
  });

  it.each([[{}], [{ id: '' }]])('refuses a missing or empty value (%p)', (params) => {
    expect(() => fillPath('/api/v1/keys/{id}', params)).toThrow(
      '/api/v1/keys/{id} needs a value for {id}',
    );
  });
});

describe('operation', () => {
  it('keeps the method, the template and the field lists', () => {
    expect(operation('PUT', '/x/{id}', { body: { a: 'required' } })).toEqual({
      method: 'PUT',
      path: '/x/{id}',
      body: { a: 'required' },
    });
  });
});
