import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderPage } from '../test/render';
import { ListScope } from './ListScope';

afterEach(cleanup);

const noun = (count: number, formatted: string) => `${formatted} certification${count === 1 ? '' : 's'}`;

describe('ListScope', () => {
  it('says the filters a figure opened the list with, and how many records match', () => {
    renderPage(<ListScope total={236} noun={noun} />, {
      initialEntries: ['/certifications?activeOn=2010-12-31&credentialLevel=instructor&track=policing&country=HT'],
    });
    const text = screen.getByText(/Opened with:/).textContent ?? '';
    expect(text).toContain('Policing');
    expect(text).toContain('Haiti');
    expect(text).toContain('instructor credentials');
    expect(screen.getByText('236 certifications')).toBeTruthy();
  });

  it('names a whole calendar year by its number', () => {
    renderPage(<ListScope total={1} noun={noun} />, { initialEntries: ['/people?trainedFrom=2010-01-01&trainedTo=2010-12-31&trainedCountry=SV'] });
    expect(screen.getByText(/Opened with:/).textContent).toContain('2010 · El Salvador');
    expect(screen.getByText('1 certification')).toBeTruthy();
  });

  it('shows nothing on a list opened without filters before its total is known', () => {
    const { container } = renderPage(<ListScope total={undefined} noun={noun} />, { initialEntries: ['/certifications'] });
    expect(container.textContent).toBe('');
  });
});
