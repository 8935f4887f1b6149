import type { CourseLevel, Track } from '../platform/db/enums.js';
import { writersFor } from './bulk.js';
import type { GenerationContext } from './reference.js';

export interface Credential {
  id: string;
  validityMonths: number | null;
  passMark: number;
  minAttendance: number;
}

export interface Course {
  id: string;
  versionId: string;
  code: string;
  track: Track;
  grants: Credential | null;
}

export interface Catalog {
  granting: Course[];
  plain: Course[];
}

const SUBJECTS: Record<Track, string[]> = {
  policing: ['Community Policing', 'Criminal Investigations', 'Crowd Management', 'Use of Force', 'Forensic Evidence', 'Traffic Safety', 'Gender-Based Violence Response', 'Anti-Corruption', 'Crisis Negotiation', 'Cybercrime Basics'],
  corrections: ['Facility Security', 'Inmate Classification', 'Rehabilitation Programs', 'Crisis Intervention', 'Correctional Health', 'Transport and Escort', 'Gang Management', 'Records Management', 'Emergency Response', 'Juvenile Detention'],
};
const LEVELS: CourseLevel[] = ['basic', 'advanced', 'instructor', 'master'];

/**
 * Credentials and the courses of the catalog: each credential granted by one instructor-level
 * course, the others teaching without certifying.
 */
export async function generateCatalog(ctx: GenerationContext): Promise<Catalog> {
  const { db, engine, rnd, id, stamp } = ctx;
  const w = writersFor(db, engine, 'catalog', 100, ctx.progress);
  const credentials = w.writer('credentials', ['id', 'name', 'description', 'criteria', 'track', 'validity_months', 'pass_mark', 'min_attendance_percent', 'created_at', 'updated_at']);
  const courses = w.writer('courses', ['id', 'code', 'track', 'level', 'language', 'grants_credential_id', 'requires_credential_id', 'current_version', 'archived_at', 'created_at', 'updated_at']);
  const versions = w.writer('course_versions', ['id', 'course_id', 'number', 'title', 'hours', 'description', 'created_at', 'created_by']);
  const catalog: Catalog = { granting: [], plain: [] };
  for (const track of ['policing', 'corrections'] as const) {
    const prefix = track === 'policing' ? 'POL' : 'COR';
    for (const [s, subject] of (SUBJECTS[track] as string[]).entries()) {
      let credential: Credential | null = null;
      if (s < 6) {
        credential = { id: id(), validityMonths: rnd.pick([24, 36, 60, null]), passMark: 70, minAttendance: 80 };
        await credentials.add([credential.id, `Certified ${subject} Instructor`, `Teaches ${subject.toLowerCase()} to officers of partner agencies.`, `Completes the ${subject} instructor course with a score of 70 or more and 80 % attendance.`, track, credential.validityMonths, credential.passMark, credential.minAttendance, stamp, stamp]);
      }
      for (const [l, level] of LEVELS.entries()) {
        const grants = credential !== null && level === 'instructor' ? credential : null;
        const course: Course = { id: id(), versionId: id(), code: `${prefix}-${String(s + 1).padStart(2, '0')}${l + 1}`, track, grants };
        const language = rnd.weighted<string>([['en', 6], ['es', 2], ['fr', 2]]);
        await courses.add([course.id, course.code, track, level, language, grants?.id ?? null, null, 1, null, stamp, stamp]);
        await versions.add([course.versionId, course.id, 1, `${subject} (${level})`, rnd.pick([16, 24, 40]), `The ${level} course in ${subject.toLowerCase()}.`, stamp, null]);
        (grants ? catalog.granting : catalog.plain).push(course);
      }
    }
  }
  await w.finish();
  return catalog;
}
