// The app's Clock in tests: real time plus an offset the test moves forward, so "later"
// (a token near expiry, a retry that is due) is reached without rewriting rows in SQL.
import { Clock } from '../../src/common/clock';

export class TestClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Back to real time (tokens the providers issue expire in real time). */
  reset(): void {
    this.offsetMs = 0;
  }
}
