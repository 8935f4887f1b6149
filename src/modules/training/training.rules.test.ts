import { describe, expect, it } from 'vitest';
import { cancelReasonProblem, certificationStatus, expiryOf, followUpWindow, isActiveOn, isVettingValidOn, offeringDateProblems, unmetCriteria } from './training.rules.js';

const rules = { validityMonths: 24, passMark: 70, minAttendancePercent: 90 };

describe('certification criteria', () => {
  it('passes a participant who meets the pass mark and the attendance exactly', () => {
    expect(reasonsOf({ attendancePercent: 90, score: 70 }, rules)).toEqual([]);
  });

  it('fails one point below either bound, and says why', () => {
    expect(reasonsOf({ attendancePercent: 89, score: 70 }, rules)).toEqual(['attended 89%, below the 90% required']);
    expect(reasonsOf({ attendancePercent: 90, score: 69 }, rules)).toEqual(['scored 69, below the pass mark of 70']);
  });

  it('fails a participant with nothing recorded', () => {
    expect(reasonsOf({ attendancePercent: null, score: null }, rules)).toEqual(['no attendance was recorded', 'no score was recorded']);
  });

  it('asks no score of a credential without a pass mark', () => {
    expect(reasonsOf({ attendancePercent: 100, score: null }, { ...rules, passMark: null })).toEqual([]);
  });
});

describe('expiry', () => {
  it('runs to the day before the anniversary', () => {
    expect(expiryOf('2010-06-15', 24)).toBe('2012-06-14');
    expect(expiryOf('2010-06-15', null)).toBeNull();
  });

  it('clamps at the end of February in a leap year', () => {
    expect(expiryOf('2010-02-28', 24)).toBe('2012-02-27');
    expect(expiryOf('2012-02-29', 12)).toBe('2013-02-27');
  });

  it('is active on its expiry day and expired the next', () => {
    const c = { issuedOn: '2010-06-15', expiresOn: '2012-06-14', revokedAt: null };
    expect(certificationStatus(c, '2012-06-14')).toBe('active');
    expect(certificationStatus(c, '2012-06-15')).toBe('expired');
    expect(isActiveOn(c, '2012-06-14')).toBe(true);
    expect(isActiveOn(c, '2012-06-15')).toBe(false);
    expect(isActiveOn(c, '2010-06-14')).toBe(false);
  });

  it('treats a revoked certification as revoked from the day it was revoked', () => {
    const c = { issuedOn: '2010-06-15', expiresOn: null, revokedAt: '2011-03-01T10:00:00.000Z' };
    expect(certificationStatus(c, '2011-01-01')).toBe('revoked');
    expect(isActiveOn(c, '2011-02-28')).toBe(true);
    expect(isActiveOn(c, '2011-03-01')).toBe(false);
  });
});

describe('vetting', () => {
  const cleared = { status: 'cleared', resultOn: '2010-05-01', validUntil: '2011-04-30' };
  it('is valid from its result through its last valid day', () => {
    expect(isVettingValidOn(cleared, '2010-05-01')).toBe(true);
    expect(isVettingValidOn(cleared, '2011-04-30')).toBe(true);
    expect(isVettingValidOn(cleared, '2011-05-01')).toBe(false);
    expect(isVettingValidOn(cleared, '2010-04-30')).toBe(false);
  });
  it('is never valid when pending, denied or suspended', () => {
    for (const status of ['pending', 'denied', 'suspended']) expect(isVettingValidOn({ ...cleared, status }, '2010-06-01')).toBe(false);
  });
});

describe('follow-up window', () => {
  it('opens three months after the offering and closes at twelve', () => {
    expect(followUpWindow('2010-08-31')).toEqual({ start: '2010-11-30', end: '2011-08-31' });
  });
});

describe('an offering’s dates and cancelling', () => {
  it('lets an offering end on its first day, not before it', () => {
    expect(offeringDateProblems({ startOn: '2010-03-01', endOn: '2010-03-01' })).toEqual([]);
    expect(offeringDateProblems({ startOn: '2010-03-01', endOn: '2010-02-28' })).toEqual([{ field: 'endOn', message: 'must not come before the start' }]);
  });
  it('asks why an offering is cancelled', () => {
    expect(String(cancelReasonProblem(undefined))).toBe('is required to cancel: say why the offering will not happen');
    expect(String(cancelReasonProblem(' '))).toBe('is required to cancel: say why the offering will not happen');
    expect(cancelReasonProblem('the host postponed')).toBeNull();
  });
});

/** The reasons as the English the log and the CLI print. */
function reasonsOf(...args: Parameters<typeof unmetCriteria>): string[] {
  return unmetCriteria(...args).map(String);
}
