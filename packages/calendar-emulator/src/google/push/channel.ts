// Owns the shape of a Google push channel (the `api#channel` that events.watch answers, plus
// what the emulator tracks to deliver on it), shared by the registry and the sender.

export interface Channel {
  id: string;
  resourceId: string;
  resourceUri: string;
  calendarId: string;
  email: string;
  address: string;
  token?: string;
  /** Epoch ms on the emulator clock. */
  expiration: number;
  /** Last message number used (the `sync` message is 1). */
  messageNumber: number;
  stopped: boolean;
  /** The watched calendar was deleted: `not_exists` was sent, nothing follows. */
  gone?: boolean;
}

export type ResourceState = 'sync' | 'exists' | 'not_exists';
