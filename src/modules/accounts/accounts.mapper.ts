import type { ApiTokensTable, SessionsTable, UserRow } from '../../platform/db/schema.js';
import { sha256Hex } from '../../platform/crypto.js';
import type { Selectable } from 'kysely';
import type { ApiToken, Session, User } from './accounts.schemas.js';

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    organizationId: row.organization_id,
    personId: row.person_id,
    isDisabled: row.disabled_at !== null,
    mustChangePassword: row.must_change_password === 1,
    lastSignInAt: row.last_sign_in_at,
    locale: row.locale,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export function toApiToken(row: Selectable<ApiTokensTable>): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    access: row.access,
    areas: areasOf(row.areas),
    createdAt: row.created_at,
    // Every token has had an expiry since 2026-12-06; one without would no longer be accepted.
    expiresAt: row.expires_at ?? row.created_at,
    lastUsedAt: row.last_used_at,
    lastUsedIp: row.last_used_ip,
    lastUsedUserAgent: row.last_used_user_agent,
    revokedAt: row.revoked_at,
  };
}

export function areasOf(stored: string | null): string[] | null {
  return stored === null ? null : (JSON.parse(stored) as string[]);
}

/**
 * A session is named in the API by a digest of its id, never by the id itself (the digest of
 * its cookie), so a list of sessions carries nothing that could stand for one.
 */
export function sessionHandle(sessionId: string): string {
  return sha256Hex(`session:${sessionId}`).slice(0, 32);
}

export function toSession(row: Selectable<SessionsTable>, currentSessionId: string | null): Session {
  return {
    id: sessionHandle(row.id),
    createdAt: row.created_at,
    lastUsedAt: row.last_seen_at,
    expiresAt: row.expires_at,
    ip: row.ip,
    userAgent: row.user_agent,
    isCurrent: row.id === currentSessionId,
  };
}
