/** The category prefix of the streams a domain stream-naming function makes (`keyStream` → `key-`). */
export const streamCategory = (streamOf: (id: string) => string): string => streamOf('');
