import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../platform/package-root.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import { definedCatalogs } from '../../platform/i18n/messages.js';
import './badges.messages.js';
import { verdictOf } from './verdict.js';
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
    const review: Check = { check: 'review', isPassed: false, message: 'Under review by the issuer: the issuer’s endorsement was withdrawn', finding: 'under_review', reason: 'the issuer’s endorsement was withdrawn' };
    const later: Check = { check: 'dates', isPassed: false, message: '', finding: 'not_yet_valid' };
    const unknown: Check = { check: 'status', isPassed: false, message: '', finding: 'status_unknown' };
    const verdict = verdictOf({ checks: [signed, later, unknown, review], credential });
    expect(verdict.code).toBe('genuine');
    expect(verdict.cautions.map((c) => c.code)).toEqual(['under_review', 'not_yet_valid', 'status_unknown']);
    expect(verdict.cautions[0]?.text).toBe('Under review by the issuer: the issuer’s endorsement was withdrawn. Ask Office of Criminal Justice Assistance before relying on it.');
    expect(verdictOf({ checks: [signed, expired, review], credential }).code).toBe('genuine_expired');
  });

  it('is worded in each language as the web app words it', () => {
    for (const locale of LOCALES) {
      const web = JSON.parse(fs.readFileSync(path.join(packageRoot, `web/src/locales/${locale}/certifications.json`), 'utf8')) as { verify: { verdict: Record<string, unknown> } };
      const { revokedOn: _pageOnly, ...verdict } = web.verify.verdict;
      const expected = Object.fromEntries(flatten(verdict, 'verdict'));
      const catalog = definedCatalogs().get('badges')?.byLocale[locale] ?? {};
      // The server formats the dates itself: `{{from, day}}` is the web's `{{from}}` given a long date.
      const server = Object.fromEntries(Object.entries(catalog).filter(([key]) => key.startsWith('verdict.')).map(([key, value]) => [key, value.replace(/\{\{(\w+), day\}\}/g, '{{$1}}')]));
      expect(server, locale).toEqual(expected);
    }
  });

  it('is said in the reader’s language, with long dates in it', () => {
    expect(verdictOf({ checks: [signed, expired, statusOk], credential }, 'es')).toMatchObject({
      heading: 'Auténtico, pero vencido',
      text: 'Office of Criminal Justice Assistance certificó a Rosa Méndez como Certified Corrections Instructor el 11 de junio de 2010; venció el 31 de diciembre de 2012 y ya no está vigente.',
    });
    expect(verdictOf({ checks: [signed, datesOk, revoked], credential: { ...credential, name: undefined, credentialSubject: {} } }, 'ht')).toMatchObject({
      heading: 'Revoke',
      text: 'Office of Criminal Justice Assistance sètifye titilè li kòm yon kalifikasyon le 11 jen 2010, epi apre sa li revoke l: li pa an vigè ankò.',
    });
  });
});

function* flatten(tree: Record<string, unknown>, prefix: string): Generator<[string, unknown]> {
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'object' && value !== null) yield* flatten(value as Record<string, unknown>, `${prefix}.${key}`);
    else yield [`${prefix}.${key}`, value];
  }
}
