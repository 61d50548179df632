// How often a visible page asks the API again for state that changes without the person
// doing anything (sync progress, failures, a grant revoked at the provider). react-query
// pauses the interval while the tab is hidden; the queries also refetch on every window
// focus ('always', not only when older than the default staleTime). Polling rather
// than server-sent events: see README "Live updates".
/** Settings: a grant revoked at the provider must show "Reconnect" within 5 s (the API checks it at most every 1.5 s). */
export const SETTINGS_REFRESH_MS = 2_000;
/** The interventions list: a sync badge changes within 5 s. */
export const LIST_REFRESH_MS = 3_000;
/** Dispatch's calendar-change inbox and its nav badge: a change pulled from a calendar shows within a few seconds. */
export const INBOX_REFRESH_MS = 3_000;
