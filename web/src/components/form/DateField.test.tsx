import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { calendarDateSchema } from '../../../../src/platform/schemas';
import { renderPage } from '../../test/render';
import { DateField } from './DateField';
import { Form } from './Form';
import { apiResolver } from './resolver';
import { blankToNull } from './values';

/** A request as the API takes it: one date required, one optional. */
const schema = z.object({ startOn: calendarDateSchema, endOn: calendarDateSchema.nullable() });
type Values = { startOn: string; endOn: string };

function DatesForm({ initial, onSubmit }: { initial: Values; onSubmit: (body: z.output<typeof schema>) => Promise<unknown> }) {
  const form = useForm<Values, unknown, z.output<typeof schema>>({
    defaultValues: initial,
    resolver: apiResolver({ schema, toRequest: (values: Values) => ({ startOn: values.startOn, endOn: blankToNull(values.endOn) }) }),
  });
  return (
    <Form form={form} idPrefix="dates" labels={{ startOn: 'Start date', endOn: 'End date' }} onSubmit={onSubmit} submitLabel="Save">
      <DateField name="startOn" isRequired />
      <DateField name="endOn" hint="Leave empty for 90 days." />
    </Form>
  );
}

function renderDates(initial: Values = { startOn: '', endOn: '' }) {
  const onSubmit = vi.fn(async () => undefined);
  renderPage(<DatesForm initial={initial} onSubmit={onSubmit} />);
  return onSubmit;
}

afterEach(cleanup);

describe('a date field', () => {
  it('asks for the date in the locale’s order, with an example', () => {
    renderDates();
    const start = screen.getByLabelText(/Start date/);
    expect(start.getAttribute('type')).toBe('text');
    expect(screen.getAllByText('For example: 12/31/2010')).toHaveLength(1);
    expect(screen.getByText('Leave empty for 90 days. For example: 12/31/2010')).toBeTruthy();
  });

  it('shows a date on record as the locale writes it', () => {
    renderDates({ startOn: '2010-03-01', endOn: '2010-05-30' });
    expect((screen.getByLabelText(/Start date/) as HTMLInputElement).value).toBe('03/01/2010');
    expect((screen.getByLabelText(/End date/) as HTMLInputElement).value).toBe('05/30/2010');
  });

  it('says “Enter a date” when a required date is empty, inline and in the summary, never YYYY-MM-DD', async () => {
    const onSubmit = renderDates();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const summary = (await screen.findByRole('heading', { name: 'There is a problem with 1 field' })).closest('.error-summary') as HTMLElement;
    expect(within(summary).getByRole('link', { name: 'Start date: Enter a date' })).toBeTruthy();
    expect(document.getElementById('dates-startOn-error')?.textContent).toBe('Start date: Enter a date');
    // The optional date left empty is no problem.
    expect(document.getElementById('dates-endOn-error')).toBeNull();
    expect(document.body.textContent).not.toMatch(/YYYY-MM-DD/);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('says “Enter a real date, such as 12/31/2010” for what is no date', async () => {
    renderDates();
    fireEvent.change(screen.getByLabelText(/Start date/), { target: { value: '31/12/2010' } });
    fireEvent.change(screen.getByLabelText(/End date/), { target: { value: 'soon' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('heading', { name: 'There are problems with 2 fields' });
    expect(document.getElementById('dates-startOn-error')?.textContent).toBe('Start date: Enter a real date, such as 12/31/2010');
    expect(document.getElementById('dates-endOn-error')?.textContent).toBe('End date: Enter a real date, such as 12/31/2010');
    expect(screen.getByLabelText(/Start date/).getAttribute('aria-invalid')).toBe('true');
  });

  it('sends the date typed as YYYY-MM-DD, and takes a date written that way too', async () => {
    const onSubmit = renderDates();
    fireEvent.change(screen.getByLabelText(/Start date/), { target: { value: '12/31/2010' } });
    fireEvent.change(screen.getByLabelText(/End date/), { target: { value: '2011-03-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ startOn: '2010-12-31', endOn: '2011-03-31' }));
  });
});
