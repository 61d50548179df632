// Which integrations' calendars may need to change when an intervention does: a grant we
// hold, or one we may get back (NEEDS_RECONNECT parks the job until the person reconnects).
export const SYNCABLE_INTEGRATION_STATUSES = ['CONNECTED', 'NEEDS_RECONNECT'] as const;
