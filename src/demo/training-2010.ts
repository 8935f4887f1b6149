import type { RequestContext } from '../platform/access.js';
import type { Services } from '../modules/index.js';
import { inventedName, type NameLanguage } from './names.js';
import type { OrgKey } from './partners-2010.js';

/**
 * The 2010 corrections train-the-trainer program: INL's master instructors (generation 0)
 * certify over 200 U.S. corrections instructors from its corrections partners (generation 1),
 * who then train corrections officers in El Salvador and Brazil (generation 2), some of whom
 * become instructors and train others in turn (generation 3). Everyone abroad is vetted first.
 */

const US_TOT_OFFERINGS = 9;
const US_TOT_SEATS = 24;
/** Participants who do not meet the criteria, per U.S. offering: the program is not a formality. */
const FAILS_PER_OFFERING = [1, 0, 1, 0, 1, 0, 1, 1, 1];

interface Context {
  services: Services;
  ctx: RequestContext;
  ids: Record<OrgKey, string>;
}

async function person(c: Context, org: OrgKey, language: NameLanguage, n: number, rankTitle: string) {
  const name = inventedName(language, n);
  const languages = language === 'en' ? [{ language: 'en', speaking: '5', reading: '5' }] : [{ language, speaking: '5', reading: '5' }];
  return (
    await c.services.people.create(c.ctx, {
      organizationId: c.ids[org],
      ...name,
      rankTitle,
      status: 'active',
      languages: languages as { language: string; speaking: '5'; reading: '5' }[],
      heritageCountries: [],
      specialties: ['corrections training'],
    })
  ).id;
}

async function vet(c: Context, personId: string, n: number) {
  const record = await c.services.vetting.submit(c.ctx, { personId, caseReference: `INL-VET-2010-${String(n).padStart(4, '0')}`, submittedOn: '2010-05-03' });
  await c.services.vetting.recordResult(c.ctx, record.id, record.version, { status: 'cleared', resultOn: '2010-06-14', validUntil: '2011-06-13' });
}

/** Schedules, staffs, fills and closes one offering; `passes(i)` says who met the criteria. */
async function deliver(
  c: Context,
  offering: { courseId: string; startOn: string; endOn: string; country: string; city: string; host: OrgKey; delivering: OrgKey; isUsFunded: boolean },
  instructors: { lead: string; co?: string | undefined },
  participants: string[],
  passes: (i: number) => boolean,
) {
  let scheduled = await c.services.offerings.schedule(c.ctx, {
    courseId: offering.courseId,
    startOn: offering.startOn,
    endOn: offering.endOn,
    country: offering.country,
    city: offering.city,
    hostOrganizationId: c.ids[offering.host],
    deliveringOrganizationId: c.ids[offering.delivering],
    capacity: Math.max(participants.length, 25),
    isUsFunded: offering.isUsFunded,
    isRefresher: false,
  });
  scheduled = await c.services.offerings.setInstructor(c.ctx, scheduled.id, scheduled.version, { personId: instructors.lead, role: 'lead' });
  if (instructors.co) scheduled = await c.services.offerings.setInstructor(c.ctx, scheduled.id, scheduled.version, { personId: instructors.co, role: 'co' });
  for (const [i, personId] of participants.entries()) {
    const enrollment = await c.services.enrollments.enroll(c.ctx, scheduled.id, personId);
    const result = passes(i) ? { attendancePercent: 100 - (i % 5), score: 72 + ((i * 7) % 27) } : { attendancePercent: 85, score: 61 };
    await c.services.enrollments.recordResult(c.ctx, scheduled.id, enrollment.id, enrollment.version, result);
  }
  const current = await c.services.offerings.get(c.ctx, scheduled.id);
  return c.services.enrollments.close(c.ctx, scheduled.id, current.version);
}

export async function seedTraining(
  services: Services,
  ctx: RequestContext,
  ids: Record<OrgKey, string>,
  progress: (step: string) => void = () => undefined,
): Promise<{ people: number; offerings: number; certifications: number }> {
  const c: Context = { services, ctx, ids };
  const existing = await services.catalog.listCourses(ctx, { q: 'CORR-TOT', limit: 5 });
  if (existing.items.length > 0) return { people: 0, offerings: 0, certifications: 0 };

  const master = await services.catalog.createCredential(ctx, {
    name: 'Master Corrections Instructor',
    description: 'INL’s own instructors, who certify corrections instructors.',
    criteria: 'Complete the master instructor course with full attendance and a score of at least 80.',
    track: 'corrections',
    validityMonths: 60,
    passMark: 80,
    minAttendancePercent: 100,
    coTeachingsBeforeLead: 0,
    translations: {
      es: { name: 'Instructor maestro penitenciario', criteria: 'Completar el curso de instructor maestro con asistencia completa y una nota de al menos 80.' },
      fr: { name: 'Instructeur principal en milieu carcéral', criteria: 'Suivre tout le cours d’instructeur principal et obtenir au moins 80.' },
      pt: { name: 'Instrutor master penitenciário', criteria: 'Concluir o curso de instrutor master com frequência integral e nota mínima de 80.' },
      ht: { name: 'Enstriktè mèt nan sistèm penitansye', criteria: 'Swiv tout kou enstriktè mèt la epi jwenn omwen 80.' },
    },
  });
  const certified = await services.catalog.createCredential(ctx, {
    name: 'Certified Corrections Instructor',
    description: 'Trains corrections officers in its holder’s agency or abroad, to the program’s standard.',
    criteria: 'Attend at least 90% of the instructor development course and score at least 70 on its final assessment.',
    track: 'corrections',
    validityMonths: 36,
    passMark: 70,
    minAttendancePercent: 90,
    coTeachingsBeforeLead: 0,
    // Certificates print in the holder's language: the credential's own words in each.
    translations: {
      es: { name: 'Instructor penitenciario certificado', criteria: 'Asistir al menos al 90 % del curso de formación de instructores y obtener al menos 70 en su evaluación final.' },
      fr: { name: 'Instructeur certifié en milieu carcéral', criteria: 'Suivre au moins 90 % du cours de formation des instructeurs et obtenir au moins 70 à son évaluation finale.' },
      pt: { name: 'Instrutor penitenciário certificado', criteria: 'Frequentar pelo menos 90% do curso de formação de instrutores e obter nota mínima de 70 na avaliação final.' },
      ht: { name: 'Enstriktè sètifye nan sistèm penitansye', criteria: 'Swiv omwen 90 % kou fòmasyon enstriktè a epi jwenn omwen 70 nan dènye egzamen li.' },
    },
  });
  const course = (code: string, level: 'basic' | 'instructor' | 'master', language: string, title: string, hours: number, grants: string | null, requires: string | null) =>
    services.catalog.createCourse(ctx, { code, track: 'corrections', level, language, title, hours, grantsCredentialId: grants, requiresCredentialId: requires });
  const mic = await course('CORR-MIC', 'master', 'en', 'Master corrections instructor course', 80, master.id, null);
  const tot = await course('CORR-TOT', 'instructor', 'en', 'Corrections instructor development (train-the-trainer)', 40, certified.id, master.id);
  const totEs = await course('CORR-TOT-ES', 'instructor', 'es', 'Formación de instructores penitenciarios', 40, certified.id, certified.id);
  const totPt = await course('CORR-TOT-PT', 'instructor', 'pt', 'Formação de instrutores penitenciários', 40, certified.id, certified.id);
  const basicEs = await course('CORR-BAS-ES', 'basic', 'es', 'Curso básico para agentes penitenciarios', 80, null, certified.id);
  const basicPt = await course('CORR-BAS-PT', 'basic', 'pt', 'Curso básico para agentes penitenciários', 80, null, certified.id);

  let people = 0;
  let offerings = 0;
  let certifications = 0;
  const count = (report: { certified: unknown[] }) => {
    offerings += 1;
    progress(`training: ${offerings} of 20 course offerings delivered`);
    certifications += report.certified.length;
  };

  // Generation 0: the program office's master instructors, certified in 2009.
  const masters: string[] = [];
  for (let i = 0; i < 4; i += 1) masters.push(await person(c, 'inl', 'en', 200 + i * 25, 'Master Instructor'));
  people += masters.length;
  const micOffering = await services.offerings.schedule(ctx, {
    courseId: mic.id,
    startOn: '2009-10-05',
    endOn: '2009-10-16',
    country: 'US',
    city: 'Washington',
    hostOrganizationId: ids.inl,
    deliveringOrganizationId: ids.inl,
    capacity: 10,
    isUsFunded: true,
    isRefresher: false,
  });
  for (const id of masters) {
    const e = await services.enrollments.enroll(ctx, micOffering.id, id);
    await services.enrollments.recordResult(ctx, micOffering.id, e.id, e.version, { attendancePercent: 100, score: 94 });
  }
  count(await services.enrollments.close(ctx, micOffering.id, (await services.offerings.get(ctx, micOffering.id)).version));

  // Generation 1: over 200 U.S. corrections officers from the corrections partners, January to June 2010.
  const usInstructors: { id: string; speaks: 'es' | 'pt' | null }[] = [];
  let n = 0;
  for (let o = 0; o < US_TOT_OFFERINGS; o += 1) {
    const agency: OrgKey = o < 4 ? 'cdoc' : 'bop';
    const participants: string[] = [];
    for (let s = 0; s < US_TOT_SEATS; s += 1) {
      const id = await person(c, agency, 'en', n, 'Corrections Officer');
      n += 1;
      participants.push(id);
    }
    people += participants.length;
    const start = new Date(Date.UTC(2010, 0, 11 + o * 17)).toISOString().slice(0, 10);
    const end = new Date(Date.UTC(2010, 0, 15 + o * 17)).toISOString().slice(0, 10);
    const fails = FAILS_PER_OFFERING[o] ?? 0;
    const report = await deliver(
      c,
      { courseId: tot.id, startOn: start, endOn: end, country: 'US', city: agency === 'cdoc' ? 'Colorado Springs' : 'Aurora', host: agency, delivering: 'inl', isUsFunded: true },
      { lead: masters[o % 4] as string, co: masters[(o + 1) % 4] },
      participants,
      (i) => i >= fails,
    );
    count(report);
    for (const [i, cert] of report.certified.entries()) usInstructors.push({ id: cert.personId, speaks: i % 6 === 0 ? 'es' : i % 6 === 1 ? 'pt' : null });
  }
  // The new instructors who teach abroad speak the language there.
  const abroad = { es: usInstructors.filter((u) => u.speaks === 'es').map((u) => u.id), pt: usInstructors.filter((u) => u.speaks === 'pt').map((u) => u.id) };
  for (const id of [...abroad.es, ...abroad.pt]) {
    const language = abroad.es.includes(id) ? 'es' : 'pt';
    const current = await services.people.get(ctx, id);
    await services.people.update(ctx, id, current.version as number, {
      languages: [
        { language: 'en', speaking: '5', reading: '5' },
        { language, speaking: '3', reading: '3' },
      ],
    });
  }

  // Generation 2 and 3: El Salvador and Brazil, August to December 2010, everyone vetted.
  let vetted = 0;
  const countries = [
    { country: 'SV', org: 'dgcp' as const, language: 'es' as const, city: 'San Salvador', instructors: abroad.es, basic: basicEs.id, totCourse: totEs.id },
    { country: 'BR', org: 'depen' as const, language: 'pt' as const, city: 'Brasília', instructors: abroad.pt, basic: basicPt.id, totCourse: totPt.id },
  ];
  for (const place of countries) {
    // The program office endorses the local service to certify instructors under its standard.
    await services.endorsements.endorse(ctx, {
      organizationId: ids[place.org],
      credentialId: certified.id,
      statement: 'Certifies corrections instructors to the program’s standard, with instructors the program office certified.',
    });
    let local = 0;
    const localPeople = async (howMany: number, rank: string) => {
      const list: string[] = [];
      for (let i = 0; i < howMany; i += 1) {
        const id = await person(c, place.org, place.language, local, rank);
        local += 1;
        vetted += 1;
        await vet(c, id, (place.country === 'SV' ? 0 : 5000) + vetted);
        list.push(id);
      }
      people += list.length;
      return list;
    };
    for (let o = 0; o < 3; o += 1) {
      const trainees = await localPeople(25, 'Agente penitenciario');
      const start = `2010-${String(8 + o).padStart(2, '0')}-0${2 + o}`;
      const end = `2010-${String(8 + o).padStart(2, '0')}-2${o}`;
      count(
        await deliver(
          c,
          { courseId: place.basic, startOn: start, endOn: end, country: place.country, city: place.city, host: place.org, delivering: 'inl', isUsFunded: true },
          { lead: place.instructors[o * 2] as string, co: place.instructors[o * 2 + 1] },
          trainees,
          () => true,
        ),
      );
    }
    const localInstructors = await localPeople(12, 'Instructor penitenciario');
    const tot2 = await deliver(
      c,
      { courseId: place.totCourse, startOn: '2010-09-20', endOn: '2010-09-24', country: place.country, city: place.city, host: place.org, delivering: place.org, isUsFunded: true },
      { lead: place.instructors[6] as string, co: place.instructors[7] },
      localInstructors,
      (i) => i !== 11,
    );
    count(tot2);
    const certifiedLocals = tot2.certified.map((r) => r.personId);
    const generation3 = await localPeople(20, 'Agente penitenciario');
    count(
      await deliver(
        c,
        { courseId: place.basic, startOn: '2010-11-15', endOn: '2010-12-03', country: place.country, city: place.city, host: place.org, delivering: place.org, isUsFunded: true },
        { lead: certifiedLocals[0] as string, co: certifiedLocals[1] },
        generation3,
        () => true,
      ),
    );
  }
  // Each issuer's certificates are signed for by someone (invented, as every demo person is).
  const signatories = [
    { org: 'inl' as const, signatoryName: 'Morgan Exemplar', signatoryTitle: 'Director, Corrections Training' },
    { org: 'dgcp' as const, signatoryName: 'Lucía Ficticia', signatoryTitle: 'Directora de Formación Penitenciaria' },
    { org: 'depen' as const, signatoryName: 'Renata Amostra', signatoryTitle: 'Coordenadora de Capacitação' },
  ];
  for (const { org, ...signatory } of signatories) {
    const profile = await services.issuerProfiles.get(ctx, ids[org]);
    await services.issuerProfiles.update(ctx, ids[org], profile.version, signatory);
  }
  return { people, offerings, certifications };
}
