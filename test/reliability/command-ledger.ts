/** A command the service acknowledged with a 2xx: its event must be in the store from then on. */
export interface Acknowledgement {
  readonly requestId: string;
  readonly eventType: string;
}

/** How the client's commands fared, across every run of the service. */
export interface CommandFigures {
  requests: number;
  acknowledged: number;
  /** A 4xx: a rule refused it (e.g. two clients raced to revoke the same key). */
  refused: number;
  /** In flight when the process died: no promise was made either way. */
  unanswered: number;
  serverErrors: number;
}

/** What the client was promised, and the keys it believes still active. */
export class CommandLedger {
  readonly acknowledgements: Acknowledgement[] = [];
  readonly figures: CommandFigures = {
    requests: 0,
    acknowledged: 0,
    refused: 0,
    unanswered: 0,
    serverErrors: 0,
  };
  private readonly active: string[] = [];

  /** Notes a key the client may revoke or change. */
  addActiveKey(keyId: string): void {
    this.active.push(keyId);
  }

  /** A random active key, still listed; null when there is none. */
  someActiveKey(): string | null {
    return this.active.length === 0
      ? null
      : this.active[Math.floor(Math.random() * this.active.length)];
  }

  /** Takes a random active key off the list, so no two clients revoke the same one. */
  takeActiveKey(): string | null {
    const key = this.someActiveKey();
    if (key !== null) this.active.splice(this.active.indexOf(key), 1);
    return key;
  }

  get activeKeyCount(): number {
    return this.active.length;
  }
}
