import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { userAs } from '../test/me';
import { type Area, areasFor, type Can } from './navigation';

/** `useCan()` over a role's capabilities, as `/api/auth/me` gives them. */
const canFrom =
  (capabilities: Record<string, string[]>): Can =>
  (resource, action) =>
    capabilities[resource]?.includes(action) ?? false;

const ids = (areas: Area[]) => areas.map((area) => area.id);
const links = (areas: Area[], id: string) => areas.find((area) => area.id === id)?.links.map((link) => link.to) ?? [];

const READ_ONLY = { partnerships: ['read'], agreements: ['read'], engagements: ['read'], tasks: ['read'] };

describe('the navigation, from the capabilities', () => {
  it('gives areas for what the role reads, and "New" links for what it creates', () => {
    const viewer = areasFor(userAs('viewer'), i18n.t, canFrom({ ...READ_ONLY, reports: ['read'], reportRuns: ['read', 'create'] }));
    expect(ids(viewer)).toEqual(expect.arrayContaining(['partnerships', 'engagements', 'tasks', 'reports']));
    expect(ids(viewer)).not.toContain('imports');
    expect(ids(viewer)).not.toContain('admin');
    expect(links(viewer, 'partnerships')).toEqual(['/partnerships']);
    expect(links(viewer, 'engagements')).toEqual(['/engagements']);
    expect(viewer[0]?.label).toBe(i18n.t('nav.dashboard'));

    const officer = areasFor(
      userAs('program_officer'),
      i18n.t,
      canFrom({
        partnerships: ['read', 'create', 'update', 'changeStage'],
        engagements: ['read', 'create', 'update'],
        tasks: ['read', 'create', 'update'],
        reports: ['read'],
        imports: ['read', 'people', 'organizations', 'enrollments', 'certifications'],
      }),
    );
    expect(links(officer, 'partnerships')).toEqual(['/partnerships', '/partnerships/new']);
    expect(links(officer, 'engagements')).toEqual(['/engagements', '/engagements/new']);
    expect(ids(officer)).toContain('imports');
    expect(ids(officer)).not.toContain('admin');
  });

  it('keeps out what the role may not read, and opens the admin area to who manages users', () => {
    const coordinator = areasFor(userAs('coordinator', { organizationId: '01900000-0000-7000-8000-000000000020' }), i18n.t, canFrom({ ...READ_ONLY, imports: ['read', 'followOwn', 'people', 'enrollments'] }));
    expect(ids(coordinator)).toEqual(expect.arrayContaining(['partnerships', 'engagements', 'tasks', 'imports']));
    expect(ids(coordinator)).not.toContain('reports');
    expect(coordinator[0]?.label).toBe(i18n.t('nav.home'));

    const nothing = areasFor(userAs('coordinator'), i18n.t, canFrom({}));
    expect(ids(nothing)).not.toContain('partnerships');
    expect(ids(nothing)).not.toContain('tasks');

    const admin = areasFor(userAs('admin'), i18n.t, canFrom({ ...READ_ONLY, users: ['read', 'create', 'update'], audit: ['read', 'verify'] }));
    expect(links(admin, 'admin')).toEqual(['/admin/users', '/admin/users/new', '/admin/audit']);
  });
});
