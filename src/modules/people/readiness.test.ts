import { describe, expect, it } from 'vitest';
import { deploymentBlockers, type ReadinessRecord, readinessBadge } from './readiness.js';

const haiti = { start: '2010-08-09', end: '2010-11-06' };
const ready: ReadinessRecord[] = [
  { item: 'passport', completedOn: '2008-03-01', expiresOn: '2018-02-28' },
  { item: 'medical_clearance', completedOn: '2010-06-15', expiresOn: null },
  { item: 'predeployment_training', completedOn: '2010-07-30', expiresOn: null },
];
const replace = (item: ReadinessRecord['item'], change: Partial<ReadinessRecord>) =>
  ready.map((r) => (r.item === item ? { ...r, ...change } : r));
const rules = (records: ReadinessRecord[], period = haiti, isHighThreat = false) =>
  deploymentBlockers(records, period, { isHighThreat }).map((p) => p.rule);

describe('readiness to deploy', () => {
  it('lets a ready officer go', () => {
    expect(rules(ready)).toEqual([]);
  });

  it('needs the passport valid six months past the end: the day itself is enough, the day before is not', () => {
    expect(rules(replace('passport', { expiresOn: '2011-05-06' }))).toEqual([]);
    expect(rules(replace('passport', { expiresOn: '2011-05-05' }))).toEqual(['readiness.passport_six_months']);
  });

  it('clamps the six months at the end of a short month, in a leap year too', () => {
    const period = { start: '2011-06-03', end: '2011-08-31' };
    expect(rules(replace('passport', { expiresOn: '2012-02-29' }), { ...period })).not.toContain('readiness.passport_six_months');
    expect(rules(replace('passport', { expiresOn: '2012-02-28' }), { ...period })).toContain('readiness.passport_six_months');
  });

  it('needs the medical clearance under twelve months old on the start date', () => {
    expect(rules(replace('medical_clearance', { completedOn: '2009-08-10' }))).toEqual([]);
    expect(rules(replace('medical_clearance', { completedOn: '2009-08-09' }))).toEqual(['readiness.medical_twelve_months']);
    expect(rules(replace('medical_clearance', { completedOn: '2010-08-10' }))).toEqual(['readiness.medical_twelve_months']);
  });

  it('counts twelve months from a leap day', () => {
    const period = { start: '2013-02-28', end: '2013-05-28' };
    const records = replace('medical_clearance', { completedOn: '2012-02-29' });
    expect(rules(records, period)).toEqual(['readiness.medical_twelve_months']);
    expect(rules(replace('medical_clearance', { completedOn: '2012-03-01' }), period)).toEqual([]);
  });

  it('needs pre-deployment training done by the start date', () => {
    expect(rules(replace('predeployment_training', { completedOn: '2010-08-09' }))).toEqual([]);
    expect(rules(replace('predeployment_training', { completedOn: '2010-08-10' }))).toEqual(['readiness.predeployment_training']);
    expect(rules(ready.filter((r) => r.item !== 'predeployment_training'))).toEqual(['readiness.predeployment_training']);
  });

  it('names every missing item at once', () => {
    expect(rules([])).toEqual(['readiness.passport_six_months', 'readiness.medical_twelve_months', 'readiness.predeployment_training']);
  });

  it('asks security-environment training for a high-threat post only', () => {
    expect(rules(ready, haiti, true)).toEqual(['readiness.security_training_high_threat']);
    const trained = [...ready, { item: 'security_training' as const, completedOn: '2010-01-10', expiresOn: '2015-01-09' }];
    expect(rules(trained, haiti, true)).toEqual([]);
  });
});

describe('readiness badge', () => {
  it('is ready, expiring or not ready, with reasons', () => {
    expect(readinessBadge(ready, '2010-07-31')).toEqual({ status: 'ready', reasons: [] });
    const expiring = readinessBadge(ready, '2011-05-01');
    expect(expiring.status).toBe('expiring');
    expect(String(expiring.reasons[0])).toMatch(/medical clearance/);
    const notReady = readinessBadge(ready, '2011-07-01');
    expect(notReady.status).toBe('not_ready');
  });

  it('is the same for everyone with no record on a given day, and for that day only', () => {
    const reasons = (day: string) => readinessBadge([], day).reasons.map(String);
    expect(readinessBadge([], '2010-07-31')).toEqual({ status: 'not_ready', reasons: expect.any(Array) });
    expect(reasons('2010-07-31')).toEqual(['has no passport on record', 'has no medical clearance on record', 'has not done pre-deployment training']);
    expect(readinessBadge([], '2010-07-31')).toBe(readinessBadge([], '2010-07-31'));
    expect(Object.isFrozen(readinessBadge([], '2010-07-31'))).toBe(true);
    // Records on another day are worked out afresh, and the day after has its own badge.
    expect(readinessBadge(ready, '2010-07-31').status).toBe('ready');
    expect(readinessBadge([], '2010-08-01')).not.toBe(readinessBadge([], '2010-07-31'));
    expect(reasons('2010-08-01')).toEqual(reasons('2010-07-31'));
  });
});
