/** Who may see a document: one user (`user:<id>`), or every member of an org (`org:<id>`). */
export type Audience = `user:${string}` | `org:${string}`;

/** The audience of a user's own documents. */
export const userAudience = (userId: string): Audience => `user:${userId}`;

/** The audience of an org's shared documents. */
export const orgAudience = (orgId: string): Audience => `org:${orgId}`;

/** Every audience a caller belongs to: their own, and each org they are a member of. */
export const audiencesOf = (userId: string, orgIds: readonly string[]): Audience[] => [
  userAudience(userId),
  ...orgIds.map(orgAudience),
];
