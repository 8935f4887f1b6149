import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { agreementDateProblems, agreementStatus, checkStageChange, isInForceOn, STAGE_TRANSITIONS, type StageChange } from './partnerships.rules.js';
import { STAGES } from './partnerships.schemas.js';

const base: StageChange = {
  from: 'agreement',
  to: 'active',
  on: '2010-06-01',
  lastChangedOn: '2010-04-12',
  today: '2010-12-31',
  agreements: [{ signedOn: '2010-05-27', expiresOn: '2013-05-26' }],
};

function ruleOf(change: StageChange): string | undefined {
  try {
    checkStageChange(change);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).extra.rule;
  }
}

describe('stage pipeline', () => {
  it('lets every stage go somewhere and never to itself', () => {
    for (const stage of STAGES) {
      expect(STAGE_TRANSITIONS[stage].length).toBeGreaterThan(0);
      expect(STAGE_TRANSITIONS[stage]).not.toContain(stage);
    }
  });

  it('accepts a partnership becoming active with an agreement in force', () => {
    expect(ruleOf(base)).toBeUndefined();
  });

  it('refuses a jump the pipeline does not allow, naming the way forward', () => {
    expect(ruleOf({ ...base, from: 'prospect', to: 'active' })).toBe('partnership.stage_transition');
    expect(() => checkStageChange({ ...base, from: 'prospect', to: 'active' })).toThrow(/from prospect it can go to engaged or closed\./);
  });

  it('refuses staying where it is', () => {
    expect(ruleOf({ ...base, from: 'active', to: 'active' })).toBe('partnership.stage_unchanged');
  });

  it('refuses a change dated before the current stage began, and accepts the same day', () => {
    expect(ruleOf({ ...base, on: '2010-04-11' })).toBe('partnership.stage_date_order');
    expect(ruleOf({ ...base, on: '2010-04-12', agreements: [{ signedOn: '2010-04-12', expiresOn: null }] })).toBeUndefined();
  });

  it('refuses a change dated tomorrow, and accepts today', () => {
    expect(ruleOf({ ...base, on: '2011-01-01' })).toBe('partnership.stage_date_future');
    expect(ruleOf({ ...base, on: '2010-12-31' })).toBeUndefined();
  });

  it('needs an agreement signed by the day it becomes active', () => {
    expect(ruleOf({ ...base, agreements: [] })).toBe('partnership.active_needs_agreement');
    expect(ruleOf({ ...base, agreements: [{ signedOn: null, expiresOn: null }] })).toBe('partnership.active_needs_agreement');
    expect(ruleOf({ ...base, agreements: [{ signedOn: '2010-06-02', expiresOn: null }] })).toBe('partnership.active_needs_agreement');
    expect(ruleOf({ ...base, agreements: [{ signedOn: '2010-06-01', expiresOn: null }] })).toBeUndefined();
  });

  it('needs that agreement not to have expired the day before', () => {
    expect(ruleOf({ ...base, agreements: [{ signedOn: '2009-01-01', expiresOn: '2010-05-31' }] })).toBe(
      'partnership.active_needs_agreement',
    );
    expect(ruleOf({ ...base, agreements: [{ signedOn: '2009-01-01', expiresOn: '2010-06-01' }] })).toBeUndefined();
  });
});

describe('agreement status', () => {
  it('is unsigned, in force, or expired by its dates', () => {
    expect(agreementStatus({ signedOn: null, expiresOn: '2030-01-01' }, '2026-11-28')).toBe('unsigned');
    expect(agreementStatus({ signedOn: '2020-01-01', expiresOn: '2026-11-28' }, '2026-11-28')).toBe('in_force');
    expect(agreementStatus({ signedOn: '2020-01-01', expiresOn: '2026-11-27' }, '2026-11-28')).toBe('expired');
    expect(agreementStatus({ signedOn: '2020-01-01', expiresOn: null }, '2026-11-28')).toBe('in_force');
  });

  it('counts a leap day like any other', () => {
    expect(isInForceOn({ signedOn: '2012-02-29', expiresOn: '2012-02-29' }, '2012-02-29')).toBe(true);
    expect(isInForceOn({ signedOn: '2012-02-29', expiresOn: '2012-02-29' }, '2012-03-01')).toBe(false);
  });
});

const english = (problems: { field: string; message: unknown }[]) => problems.map((p) => ({ field: p.field, message: String(p.message) }));

describe('agreement dates', () => {
  const full = { signedOn: '2011-03-01', effectiveOn: '2011-04-01', renewalDueOn: '2013-12-01', expiresOn: '2014-03-01' };

  it('accepts signed ≤ effective ≤ renewal due ≤ expiry, equal dates included', () => {
    expect(english(agreementDateProblems(full))).toEqual([]);
    expect(english(agreementDateProblems({ signedOn: '2011-03-01', effectiveOn: '2011-03-01', renewalDueOn: '2011-03-01', expiresOn: '2011-03-01' }))).toEqual([]);
  });

  it('blames the later date, naming the earlier one it falls before', () => {
    expect(english(agreementDateProblems({ signedOn: '2011-03-01', renewalDueOn: '2010-12-01' }))).toEqual([
      { field: 'renewalDueOn', message: 'must not come before the day it was signed (2011-03-01)' },
    ]);
    expect(english(agreementDateProblems({ ...full, effectiveOn: '2011-02-28' }))).toEqual([
      { field: 'effectiveOn', message: 'must not come before the day it was signed (2011-03-01)' },
    ]);
    expect(english(agreementDateProblems({ ...full, expiresOn: '2013-11-30' }))).toEqual([
      { field: 'expiresOn', message: 'must not come before its renewal date (2013-12-01)' },
    ]);
  });

  it('compares only the dates given, skipping one left out', () => {
    expect(english(agreementDateProblems({}))).toEqual([]);
    expect(english(agreementDateProblems({ signedOn: null, expiresOn: '2001-01-01' }))).toEqual([]);
    expect(english(agreementDateProblems({ signedOn: '2011-03-01', effectiveOn: null, expiresOn: '2011-02-28' }))).toEqual([
      { field: 'expiresOn', message: 'must not come before the day it was signed (2011-03-01)' },
    ]);
  });

  it('names the nearest bound when a date falls before several', () => {
    expect(english(agreementDateProblems({ signedOn: '2011-01-01', effectiveOn: '2011-06-01', expiresOn: '2011-02-01' }))).toEqual([
      { field: 'expiresOn', message: 'must not come before the day it takes effect (2011-06-01)' },
    ]);
  });

  it('blames the date a change sets when the other one was already on record', () => {
    const stored = { signedOn: '2011-03-01', renewalDueOn: '2013-12-01', expiresOn: '2014-03-01' };
    expect(english(agreementDateProblems({ ...stored, renewalDueOn: '2014-04-01' }, new Set(['renewalDueOn'])))).toEqual([
      { field: 'renewalDueOn', message: 'must not come after the day it expires (2014-03-01)' },
    ]);
    expect(english(agreementDateProblems({ ...stored, expiresOn: '2013-11-01' }, new Set(['expiresOn'])))).toEqual([
      { field: 'expiresOn', message: 'must not come before its renewal date (2013-12-01)' },
    ]);
    expect(english(agreementDateProblems({ ...stored, renewalDueOn: '2014-04-01' }, new Set(['renewalDueOn', 'expiresOn'])))).toEqual([
      { field: 'expiresOn', message: 'must not come before its renewal date (2014-04-01)' },
    ]);
  });

  it('is in force only once it has taken effect', () => {
    expect(isInForceOn({ signedOn: '2011-03-01', effectiveOn: '2011-04-01', expiresOn: null }, '2011-03-31')).toBe(false);
    expect(isInForceOn({ signedOn: '2011-03-01', effectiveOn: '2011-04-01', expiresOn: null }, '2011-04-01')).toBe(true);
  });
});
