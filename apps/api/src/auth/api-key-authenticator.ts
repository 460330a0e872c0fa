import { Principal } from '@keyledger/domain';

/** Turns an API key secret into the principal it acts as, or throws an ApiError. */
export interface ApiKeyAuthenticator {
  authenticate(secret: string): Promise<Principal>;
}

export const API_KEY_AUTHENTICATOR = Symbol('API_KEY_AUTHENTICATOR');
