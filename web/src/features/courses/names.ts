import type { Course } from '../../api/schemas';

/** "CORR-TOT: Corrections instructor course": how a course is named wherever it is listed. */
export function courseName(course: Pick<Course, 'code' | 'title'>): string {
  return `${course.code}: ${course.title}`;
}
