import { describe, expect, it } from 'vitest';
import { reminderDue } from './certification-reminders.js';

describe('which reminder is due', () => {
  it('is the nearest threshold the expiry has come within', () => {
    expect(reminderDue('2011-03-31', '2010-12-31')).toBe(90);
    expect(reminderDue('2011-03-31', '2010-12-30')).toBeNull();
    expect(reminderDue('2011-03-31', '2011-01-30')).toBe(60);
    expect(reminderDue('2011-03-31', '2011-03-01')).toBe(30);
    expect(reminderDue('2011-03-31', '2011-03-24')).toBe(7);
    expect(reminderDue('2011-03-31', '2011-03-31')).toBe(7);
  });

  it('is none once the certification has expired', () => {
    expect(reminderDue('2011-03-31', '2011-04-01')).toBeNull();
  });
});
