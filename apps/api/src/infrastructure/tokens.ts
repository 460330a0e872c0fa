/** Injection tokens for the ports the service is wired with. */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const READ_STORE = Symbol('READ_STORE');
export const CLOCK = Symbol('CLOCK');
export const ID_GENERATOR = Symbol('ID_GENERATOR');
export const SECRET_GENERATOR = Symbol('SECRET_GENERATOR');
