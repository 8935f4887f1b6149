import { describe, expect, it } from 'vitest';
import type { Actor, Role } from './access.js';
import { AppError } from './errors.js';
import { definePolicy, grant, isInScope, READERS, STAFF } from './policy.js';

function actor(role: Role, bound: { organizationId?: string; personId?: string } = {}): Actor {
  return { id: `user-${role}`, label: role, role, organizationId: bound.organizationId ?? null, personId: bound.personId ?? null };
}

interface Offering {
  organizationId: string;
  instructorIds: string[];
  leadIds: string[];
}

const policy = definePolicy({
  holders: (o: Offering) => ({ organizationIds: [o.organizationId], personIds: o.instructorIds }),
  rules: {
    read: { ...grant(READERS, 'all'), coordinator: 'organization', instructor: 'person' },
    update: grant(STAFF, 'all'),
    close: { ...grant(STAFF, 'all'), instructor: { reach: 'person', when: (o, a) => o.leadIds.includes(a.personId ?? '') } },
  },
});

const mine: Offering = { organizationId: 'org-a', instructorIds: ['p-lead', 'p-co'], leadIds: ['p-lead'] };

function codeOf(run: () => void): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : 'other';
  }
}

describe('definePolicy', () => {
  it('grants staff every record and every action', () => {
    for (const role of STAFF) {
      expect(policy.allowedActions(actor(role), mine)).toEqual(['update', 'close']);
      expect(policy.scope(actor(role), 'update')).toEqual({ kind: 'all' });
    }
  });

  it('scopes a coordinator to their own agency and an instructor to themselves', () => {
    expect(policy.can(actor('coordinator', { organizationId: 'org-a' }), 'read', mine)).toBe(true);
    expect(policy.can(actor('coordinator', { organizationId: 'org-b' }), 'read', mine)).toBe(false);
    expect(policy.scope(actor('coordinator', { organizationId: 'org-b' }), 'read')).toEqual({ kind: 'organization', organizationId: 'org-b' });
    expect(policy.scope(actor('instructor', { personId: 'p-co' }), 'read')).toEqual({ kind: 'person', personId: 'p-co' });
  });

  it('narrows a grant by its condition', () => {
    expect(policy.allowedActions(actor('instructor', { personId: 'p-lead' }), mine)).toEqual(['close']);
    expect(policy.allowedActions(actor('instructor', { personId: 'p-co' }), mine)).toEqual([]);
  });

  it('answers 404 for a record out of sight and 403 for an action the role never takes', () => {
    expect(codeOf(() => policy.authorize(actor('coordinator', { organizationId: 'org-b' }), 'update', mine, 'offering'))).toBe('not_found');
    expect(codeOf(() => policy.authorize(actor('coordinator', { organizationId: 'org-a' }), 'update', mine, 'offering'))).toBe('forbidden');
    expect(codeOf(() => policy.authorize(actor('admin'), 'update', mine, 'offering'))).toBeNull();
    expect(codeOf(() => policy.scope(actor('viewer'), 'update'))).toBe('forbidden');
  });

  it('refuses an actor bound to nothing rather than widening to everything', () => {
    expect(policy.can(actor('coordinator'), 'read', mine)).toBe(false);
    expect(codeOf(() => policy.scope(actor('coordinator'), 'read'))).toBe('forbidden');
    expect(policy.scopeOrNull(actor('coordinator'), 'read')).toBeNull();
    expect(policy.scopeOrNull(actor('viewer'), 'update')).toBeNull();
    expect(policy.scopeOrNull(actor('viewer'), 'read')).toEqual({ kind: 'all' });
    expect(policy.allows(actor('coordinator'), 'read')).toBe(true);
    expect(policy.allows(actor('viewer'), 'close')).toBe(false);
  });
});

describe('isInScope', () => {
  it('matches a record held by several agencies or people by any of them', () => {
    const holders = { organizationIds: ['a', 'b'], personIds: [null, 'p'] };
    expect(isInScope({ kind: 'organization', organizationId: 'b' }, holders)).toBe(true);
    expect(isInScope({ kind: 'person', personId: 'p' }, holders)).toBe(true);
    expect(isInScope({ kind: 'person', personId: 'q' }, holders)).toBe(false);
    expect(isInScope({ kind: 'organization', organizationId: 'c' }, {})).toBe(false);
  });

  it('lets every agency, and no single person, hold a record open to all agencies', () => {
    expect(isInScope({ kind: 'organization', organizationId: 'c' }, { isOpenToAgencies: true })).toBe(true);
    expect(isInScope({ kind: 'person', personId: 'p' }, { isOpenToAgencies: true })).toBe(false);
  });
});
