import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../platform/package-root.js';
import { verdictOf, WORDING } from './verdict.js';
import type { Check } from './verification.js';

const credential = {
  name: 'Certified Corrections Instructor',
  issuer: { id: 'https://cadre.example/api/public/issuers/1', name: 'Office of Criminal Justice Assistance' },
  validFrom: '2010-06-11T00:00:00Z',
  validUntil: '2012-12-31T23:59:59Z',
  credentialSubject: { identifier: [{ identityType: 'name', identityHash: 'Rosa Méndez' }] },
};
const signed: Check = { check: 'signature', isPassed: true, message: '' };
const datesOk: Check = { check: 'dates', isPassed: true, message: '' };
const statusOk: Check = { check: 'status', isPassed: true, message: '' };
const expired: Check = { check: 'dates', isPassed: false, message: '', finding: 'expired' };
const revoked: Check = { check: 'status', isPassed: false, message: '', finding: 'revoked' };

describe('the verdict on a credential', () => {
  it('is genuine when every check passes, with its dates as long dates', () => {
    const verdict = verdictOf({ checks: [signed, datesOk, statusOk], credential });
    expect(verdict).toMatchObject({ code: 'genuine', cautions: [], heading: 'Genuine' });
    expect(verdict.text).toBe('Office of Criminal Justice Assistance certified Rosa Méndez as Certified Corrections Instructor on June 11, 2010; it is valid until December 31, 2012.');
  });

  it('is genuine but expired once its dates are past, and revoked above all but a bad signature', () => {
    expect(verdictOf({ checks: [signed, expired, statusOk], credential }).code).toBe('genuine_expired');
    expect(verdictOf({ checks: [signed, expired, revoked], credential }).code).toBe('revoked');
    expect(verdictOf({ checks: [{ check: 'signature', isPassed: false, message: 'bad' }], credential }).code).toBe('not_genuine');
    expect(verdictOf({ checks: [{ check: 'format', isPassed: false, message: 'no' }], credential: null })).toMatchObject({
      code: 'not_genuine',
      text: 'This is not a credential that can be checked: do not rely on it.',
    });
  });

  it('keeps a review, a later start and an unknown status as cautions on a genuine credential', () => {
    const review: Check = { check: 'review', isPassed: false, message: 'Under review by the issuer: the issuer’s endorsement was withdrawn', finding: 'under_review' };
    const later: Check = { check: 'dates', isPassed: false, message: '', finding: 'not_yet_valid' };
    const unknown: Check = { check: 'status', isPassed: false, message: '', finding: 'status_unknown' };
    const verdict = verdictOf({ checks: [signed, later, unknown, review], credential });
    expect(verdict.code).toBe('genuine');
    expect(verdict.cautions.map((c) => c.code)).toEqual(['under_review', 'not_yet_valid', 'status_unknown']);
    expect(verdict.cautions[0]?.text).toBe('Under review by the issuer: the issuer’s endorsement was withdrawn. Ask Office of Criminal Justice Assistance before relying on it.');
    expect(verdictOf({ checks: [signed, expired, review], credential }).code).toBe('genuine_expired');
  });

  it('is worded as the web app words it', () => {
    const web = JSON.parse(fs.readFileSync(path.join(packageRoot, 'web/src/locales/en/translation.json'), 'utf8')) as { verify: { verdict: Record<string, Record<string, string>> } };
    const values = { holder: '{{holder}}', credential: '{{credential}}', issuer: '{{issuer}}', from: '{{from}}', until: '{{until}}', reason: '{{reason}}' };
    const server = {
      genuine: { heading: WORDING.genuine.heading, text: WORDING.genuine.text(values), textNoEnd: WORDING.genuine.textNoEnd(values) },
      genuine_expired: { heading: WORDING.genuine_expired.heading, text: WORDING.genuine_expired.text(values) },
      revoked: { heading: WORDING.revoked.heading, text: WORDING.revoked.text(values) },
      not_genuine: { heading: WORDING.not_genuine.heading, text: WORDING.not_genuine.text(values), textUnreadable: WORDING.not_genuine.textUnreadable() },
      caution: { under_review: WORDING.caution.under_review(values), not_yet_valid: WORDING.caution.not_yet_valid(values), status_unknown: WORDING.caution.status_unknown(values) },
      unnamed: WORDING.unnamed,
    };
    for (const [key, words] of Object.entries(server)) expect(web.verify.verdict[key], key).toEqual(words);
  });
});
