import { describe, expect, it } from 'vitest';
import {
  cancelNoteProblem,
  extensionProblems,
  periodOutsideProblems,
  planSpanChange,
  refuseAssignmentsOutside,
  spanProblems,
  type SpannedAssignment,
  statusDateProblem,
} from './deployments.rules.js';

/** Problems as an English reader reads them. */
const english = (problems: { field: string; message: unknown }[]) => problems.map((p) => ({ field: p.field, message: String(p.message) }));

const span = { startOn: '2010-08-09', endOn: '2010-11-06' };
const assignment = (over: Partial<SpannedAssignment>): SpannedAssignment => ({
  id: 'a',
  personName: 'Jean Échantillon',
  status: 'nominated',
  startOn: span.startOn,
  endOn: span.endOn,
  deployedOn: null,
  returnedOn: null,
  ...over,
});
const rotation = { id: 'r1', sequence: 1, ...span };

describe('a span’s order', () => {
  it('lets the end fall on the start day, not before it', () => {
    expect(spanProblems({ startOn: '2010-08-09', endOn: '2010-08-09' })).toEqual([]);
    expect(english(spanProblems({ startOn: '2010-08-09', endOn: '2010-08-08' }))).toEqual([{ field: 'endOn', message: 'must not come before the start' }]);
  });
  it('does not judge a span with an end left out', () => {
    expect(spanProblems({ startOn: '2010-08-09' })).toEqual([]);
    expect(spanProblems({ endOn: '2010-08-09', startOn: null })).toEqual([]);
  });
});

describe('an assignment inside its deployment', () => {
  it('accepts both ends on the deployment’s own days', () => {
    expect(periodOutsideProblems(span, span)).toEqual([]);
  });
  it('names each end that falls a day outside', () => {
    expect(english(periodOutsideProblems({ startOn: '2010-08-08', endOn: '2010-11-07' }, span))).toEqual([
      { field: 'startOn', message: 'must not come before the deployment starts (August 9, 2010)' },
      { field: 'endOn', message: 'must not come after the deployment ends (November 6, 2010)' },
    ]);
  });
});

describe('an extension', () => {
  it('must move the end at least a day later', () => {
    expect(english(extensionProblems('2010-11-06', '2010-11-06'))).toEqual([{ field: 'endOn', message: 'must come after the current end (November 6, 2010)' }]);
    expect(extensionProblems('2010-11-06', '2010-11-07')).toEqual([]);
  });
});

describe('new dates for a deployment', () => {
  it('moves the rotation and the assignments on the planned dates', () => {
    const plan = planSpanChange(span, { startOn: '2010-08-16', endOn: '2010-10-31' }, [rotation], [assignment({})]);
    expect(plan.rotations).toMatchObject([{ toStartOn: '2010-08-16', toEndOn: '2010-10-31' }]);
    expect(plan.moved).toMatchObject([{ toStartOn: '2010-08-16', toEndOn: '2010-10-31' }]);
  });

  it('keeps a deployed officer’s start and moves a running one’s end', () => {
    const deployed = assignment({ status: 'deployed', deployedOn: '2010-08-09' });
    const plan = planSpanChange(span, { startOn: '2010-08-09', endOn: '2010-12-31' }, [rotation], [deployed]);
    expect(plan.moved).toMatchObject([{ toStartOn: '2010-08-09', toEndOn: '2010-12-31' }]);
  });

  it('refuses, naming them, assignments that would fall outside', () => {
    const own = assignment({ personName: 'Marie Exemplaire', startOn: '2010-09-01', endOn: '2010-10-15' });
    expect(() => planSpanChange(span, { startOn: '2010-09-02', endOn: '2010-11-06' }, [rotation], [own])).toThrow(
      'Marie Exemplaire (September 1, 2010 to October 15, 2010) would fall outside September 2, 2010 to November 6, 2010',
    );
    const returned = assignment({ status: 'returned', deployedOn: '2010-08-09', returnedOn: '2010-11-06' });
    expect(() => planSpanChange(span, { startOn: '2010-08-09', endOn: '2010-11-05' }, [rotation], [returned])).toThrow('Jean Échantillon (August 9, 2010 to November 6, 2010)');
  });

  it('passes over withdrawn assignments', () => {
    const withdrawn = assignment({ status: 'withdrawn', startOn: '2010-09-01' });
    expect(() => refuseAssignmentsOutside({ startOn: '2010-09-02', endOn: '2010-11-06' }, [withdrawn])).not.toThrow();
  });

  it('refuses when a middle rotation would fall outside', () => {
    const rotations = [rotation, { id: 'r2', sequence: 2, startOn: '2010-11-07', endOn: '2011-02-04' }, { id: 'r3', sequence: 3, startOn: '2011-02-05', endOn: '2011-05-05' }];
    expect(() => planSpanChange({ startOn: '2010-08-09', endOn: '2011-05-05' }, { startOn: '2010-08-09', endOn: '2011-01-31' }, rotations, [])).toThrow('Rotation 2 (November 7, 2010 to February 4, 2011)');
  });
});

describe('a status change’s day', () => {
  it('may be today or the day of the last change, never later than today nor before the last', () => {
    expect(statusDateProblem('2026-12-06', '2026-12-06', null)).toBeNull();
    expect(statusDateProblem('2010-08-09', '2026-12-06', '2010-08-09')).toBeNull();
    expect(String(statusDateProblem('2026-12-07', '2026-12-06', null))).toBe('must not be in the future (today is December 6, 2026)');
    expect(String(statusDateProblem('2010-08-08', '2026-12-06', '2010-08-09'))).toBe('must not come before the last status change (August 9, 2010)');
  });
  it('asks for a reason to cancel, and for nothing else', () => {
    expect(String(cancelNoteProblem('cancelled', '  '))).toBe('is required to cancel: say why the deployment will not happen');
    expect(cancelNoteProblem('cancelled', 'the host withdrew its request')).toBeNull();
    expect(cancelNoteProblem('staffing', null)).toBeNull();
  });
});
