import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '../../api/problem';
import { renderPage } from '../../test/render';
import { TextField } from './fields';
import { Form, type LatestRecord } from './Form';

interface Values {
  name: string;
  city: string;
}

const stale = () => new ApiProblem({ status: 412, code: 'precondition_failed', detail: 'The record was changed by someone else (now version 2).' });

function EditForm({ latest, onSubmit }: { latest: LatestRecord<Values>; onSubmit: (values: Values) => Promise<unknown> }) {
  const form = useForm<Values>({ defaultValues: latest.values });
  return (
    <Form form={form} idPrefix="org" labels={{ name: 'Name', city: 'City' }} onSubmit={onSubmit} submitLabel="Save changes" latest={latest}>
      <TextField name="name" />
      <TextField name="city" />
    </Form>
  );
}

afterEach(cleanup);

describe('a save refused because someone saved first', () => {
  const first: LatestRecord<Values> = { version: 1, values: { name: 'Richmond Police Department', city: 'Richmond' } };
  const second: LatestRecord<Values> = { version: 2, values: { name: 'Richmond Police Dept.', city: 'Richmond' } };

  it('shows what the other person changed, then saves the user’s changes over the new version', async () => {
    const onSubmit = vi.fn<(values: Values) => Promise<unknown>>().mockRejectedValueOnce(stale()).mockResolvedValueOnce({});
    const { rerender } = renderPage(<EditForm latest={first} onSubmit={onSubmit} />);
    fireEvent.change(screen.getByLabelText('City'), { target: { value: 'Richmond, Virginia' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText(/The record was changed by someone else/);

    // The refetched record arrives, as the app's query cache does after a 412.
    rerender(<EditForm latest={second} onSubmit={onSubmit} />);
    const conflict = await screen.findByTestId('version-conflict');
    expect(within(conflict).getByRole('heading').textContent).toBe('Someone else saved this record while you were editing it');
    const row = within(conflict).getByRole('row', { name: /Name/ });
    expect(row.textContent).toContain('Richmond Police Department');
    expect(row.textContent).toContain('Richmond Police Dept.');
    expect(within(conflict).queryByRole('row', { name: /City/ })).toBeNull();

    fireEvent.click(within(conflict).getByRole('button', { name: 'Save my changes' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(2));
    expect(onSubmit.mock.calls[1]?.[0]).toEqual({ name: 'Richmond Police Department', city: 'Richmond, Virginia' });
    await waitFor(() => expect(screen.queryByTestId('version-conflict')).toBeNull());
  });

  it('starts again from the other person’s version when the user chooses theirs', async () => {
    const onSubmit = vi.fn<(values: Values) => Promise<unknown>>().mockRejectedValueOnce(stale());
    const { rerender } = renderPage(<EditForm latest={first} onSubmit={onSubmit} />);
    fireEvent.change(screen.getByLabelText('City'), { target: { value: 'Henrico' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText(/The record was changed by someone else/);
    rerender(<EditForm latest={second} onSubmit={onSubmit} />);

    fireEvent.click(await screen.findByRole('button', { name: 'Start again from their version' }));
    expect(screen.queryByTestId('version-conflict')).toBeNull();
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Richmond Police Dept.');
    expect((screen.getByLabelText('City') as HTMLInputElement).value).toBe('Richmond');
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });
});
