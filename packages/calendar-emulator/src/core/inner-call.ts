// Marks a call the emulator makes to itself (a batch's inner request replayed through
// ctx.inject): it counts against faults and quota like any call, but is not logged twice.
export const INNER_CALL_HEADER = 'x-calendar-emulator-inner';
