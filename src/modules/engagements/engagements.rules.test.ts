import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { checkNotWithdrawn, doneOnProblem, followUpDueProblem, meetingDateProblem } from './engagements.rules.js';

describe('a follow-up’s due date', () => {
  it('may fall due the day of its meeting or after, never before', () => {
    expect(followUpDueProblem('2011-03-01', '2011-03-01')).toBeNull();
    expect(followUpDueProblem('2011-03-02', '2011-03-01')).toBeNull();
    expect(String(followUpDueProblem('2011-02-28', '2011-03-01'))).toBe('must not come before the meeting it follows (2011-03-01)');
  });

  it('holds a meeting to the earliest of its follow-ups, and a meeting without any to nothing', () => {
    expect(meetingDateProblem('2011-03-01', [])).toBeNull();
    expect(meetingDateProblem('2011-03-01', ['2011-04-01', '2011-03-01'])).toBeNull();
    expect(String(meetingDateProblem('2011-03-02', ['2011-04-01', '2011-03-01']))).toBe('must not come after a follow-up of this meeting falls due (2011-03-01)');
  });
});

describe('the day a follow-up was done', () => {
  it('may be today or any day before, never tomorrow', () => {
    expect(doneOnProblem('2026-12-06', '2026-12-06')).toBeNull();
    expect(doneOnProblem('2011-05-04', '2026-12-06')).toBeNull();
    expect(String(doneOnProblem('2026-12-07', '2026-12-06'))).toBe('must not be in the future (today is 2026-12-06)');
  });

  it('counts a leap day like any other', () => {
    expect(doneOnProblem('2028-02-29', '2028-02-28')).not.toBeNull();
    expect(doneOnProblem('2028-02-29', '2028-02-29')).toBeNull();
  });
});

describe('a withdrawn meeting', () => {
  it('is refused any change, naming the rule; a current one is not', () => {
    expect(() => checkNotWithdrawn({ withdrawn_at: null })).not.toThrow();
    try {
      checkNotWithdrawn({ withdrawn_at: '2026-12-06T10:00:00.000Z' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).extra.rule).toBe('engagement.withdrawn');
    }
  });
});
