import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Organization } from '../../api/schemas';
import { renderPage } from '../../test/render';
import { OrganizationActions } from './OrganizationActions';

const organization: Organization = {
  id: '01900000-0000-7000-8000-000000000001',
  name: 'Test Township Police Department',
  acronym: null,
  kind: 'municipal_police',
  country: 'US',
  subdivision: null,
  city: null,
  parentId: null,
  website: null,
  description: null,
  isArchived: false,
  archivedAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
  allowedActions: [],
};

afterEach(cleanup);

describe('OrganizationActions', () => {
  it('offers edit and archive when the server allows them', () => {
    renderPage(<OrganizationActions organization={{ ...organization, allowedActions: ['update', 'archive'] }} />);
    expect(screen.getByRole('link', { name: 'Edit' }).getAttribute('href')).toBe(`/organizations/${organization.id}/edit`);
    expect(screen.getByRole('button', { name: 'Archive' })).toBeTruthy();
  });

  it('offers only what is allowed, and nothing when nothing is', () => {
    const { rerender } = renderPage(<OrganizationActions organization={{ ...organization, allowedActions: ['archive'] }} />);
    expect(screen.queryByRole('link', { name: 'Edit' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Archive' })).toBeTruthy();

    rerender(<OrganizationActions organization={organization} />);
    expect(screen.queryByRole('button', { name: 'Archive' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Edit' })).toBeNull();
  });
});
