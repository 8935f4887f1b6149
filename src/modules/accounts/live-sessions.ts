import type { Clock } from '../../platform/clock.js';

/** What a running session satisfies at a moment: not past its lifetime, and used since `idleSince`. */
export interface LiveSessions {
  now: string;
  idleSince: string;
}

/**
 * The one definition of a running session, for signing in with it, listing it and clearing the
 * rest away. `last_seen_at` is written at most once a minute, so a session may outlive its idle
 * limit by that much.
 */
export function liveSessions(clock: Clock, idleMinutes: number): LiveSessions {
  const now = clock.now();
  return { now: now.toISOString(), idleSince: new Date(now.getTime() - idleMinutes * 60_000).toISOString() };
}
