import { isoDay, type SessionApi } from './support.js';

/** Someone a training journey enrolls or staffs, with the name the roster shows. */
export interface Trainee {
  id: string;
  name: string;
}

export async function createOrganization(api: SessionApi, body: { name: string; kind: string; country: string; city?: string }): Promise<string> {
  return (await api.post('/organizations', body)).id;
}

export async function createPerson(api: SessionApi, organizationId: string, givenName: string, familyName: string, rankTitle: string): Promise<Trainee> {
  const person = await api.post('/people', { organizationId, givenName, familyName, rankTitle });
  return { id: person.id, name: `${givenName} ${familyName}` };
}

interface Versioned {
  id: string;
  version: number;
}

interface OfferingAnswer extends Versioned {
  enrollments: (Versioned & { person: { id: string } })[];
}

/** What closing answers, as far as a journey needs it: who was certified, and their certification. */
export interface CloseAnswer {
  offering: { id: string };
  certified: { personId: string; name: string; certificationId: string }[];
}

/**
 * A whole offering through the API, for a journey that has already shown the same steps in the
 * browser: scheduled, staffed with a lead, one participant enrolled with passing results, closed.
 */
export async function runOffering(
  api: SessionApi,
  options: { courseId: string; startOn: string; endOn: string; country: string; leadId: string; participantId: string; deliveringOrganizationId?: string },
): Promise<CloseAnswer> {
  let offering = await api.post<OfferingAnswer>('/offerings', {
    courseId: options.courseId,
    startOn: options.startOn,
    endOn: options.endOn,
    country: options.country,
    capacity: 20,
    deliveringOrganizationId: options.deliveringOrganizationId,
  });
  offering = await api.put<OfferingAnswer>(`/offerings/${offering.id}/instructors`, { personId: options.leadId, role: 'lead' }, offering.version);
  const enrollment = await api.post<Versioned>(`/offerings/${offering.id}/enrollments`, { personId: options.participantId });
  await api.patch(`/offerings/${offering.id}/enrollments/${enrollment.id}`, { attendancePercent: 100, score: 90 }, enrollment.version);
  // The test server has no public address: closing confirms the one certificates will point to.
  return api.post<CloseAnswer>(`/offerings/${offering.id}/close`, { acknowledgedAddress: api.me.publicAddress.url }, offering.version);
}

/** A calendar date `months` later, clamped at the month's end, minus one day: a certification's last day. */
export function expiryOf(issuedOn: string, months: number): string {
  const [year = 0, month = 1, day = 1] = issuedOn.split('-').map(Number);
  const index = year * 12 + month - 1 + months;
  const lastDay = new Date(Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0)).getUTCDate();
  const date = new Date(Date.UTC(Math.floor(index / 12), index % 12, Math.min(day, lastDay)));
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** A date as the app shows it in English ("Nov 19, 2028"). */
export function shown(day: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** One certification on record, and what it was made of, for the journeys that read it in another language. */
export interface Certified {
  certificationId: string;
  offeringId: string;
  holder: Trainee;
  agency: string;
  credential: string;
  courseTitle: string;
}

/**
 * A certification through the API: a program office's master instructor teaches an English
 * instructor course (granting a credential) of the recent past to one participant, who passes.
 */
export async function certifyParticipant(api: SessionApi, mark: string, holderName: { givenName: string; familyName: string }): Promise<Certified> {
  const office = await createOrganization(api, { name: `Office of Partner Training ${mark}`, kind: 'program_office', country: 'US' });
  const agency = `Lakeshore County Department of Corrections ${mark}`;
  const agencyId = await createOrganization(api, { name: agency, kind: 'county_corrections', country: 'US' });
  const master = await createPerson(api, office, 'Avery', `Lindqvist ${mark}`, 'Master instructor');
  const holder = await createPerson(api, agencyId, holderName.givenName, holderName.familyName, 'Sergeant');
  const credential = `Certified Custody Instructor ${mark}`;
  const granted = await api.post('/credentials', { name: credential, criteria: 'Attend the whole course and score at least 70.', track: 'corrections', validityMonths: 24, passMark: 70, minAttendancePercent: 90 });
  const courseTitle = 'Custody instructor development';
  const course = await api.post('/courses', { code: `CID-${mark.toUpperCase()}`, title: courseTitle, track: 'corrections', level: 'instructor', language: 'en', hours: 40, grantsCredentialId: granted.id });
  const closed = await runOffering(api, { courseId: course.id, startOn: isoDay(-10), endOn: isoDay(-6), country: 'US', leadId: master.id, participantId: holder.id });
  const certificationId = closed.certified[0]?.certificationId ?? '';
  if (!certificationId) throw new Error('The participant was certified.');
  return { certificationId, offeringId: closed.offering.id, holder, agency, credential, courseTitle };
}
