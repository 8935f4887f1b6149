import { z } from 'zod';
import { type App, contextOf } from '../../platform/http/context.js';
import { listRoute } from '../../platform/http/list-route.js';
import { columnsOf } from '../../platform/http/table-export.js';
import { requiredVersion, withEtag } from '../../platform/http/versioning.js';
import { idSchema } from '../../platform/schemas.js';
import type { EnrollmentsService } from './enrollments.service.js';
import {
  closeOfferingSchema,
  closeReportSchema,
  createOfferingSchema,
  enrollmentSchema,
  enrollSchema,
  followUpSchema,
  listOfferingsQuerySchema,
  offeringDetailSchema,
  type Offering,
  offeringSchema,
  recordResultSchema,
  setInstructorSchema,
  updateOfferingSchema,
} from './offerings.schemas.js';
import type { OfferingsService } from './offerings.service.js';

const idParams = z.object({ id: idSchema });
const column = columnsOf<Offering>();
const OFFERING_COLUMNS = [
  column.text('id', 'ID', (o) => o.id),
  column.text('course_code', 'Course code', (o) => o.course.code),
  column.text('course_title', 'Course', (o) => o.course.title),
  column.code('level', 'Level', 'courseLevel', (o) => o.course.level),
  column.code('track', 'Track', 'track', (o) => o.course.track),
  column.date('start_on', 'Starts', (o) => o.startOn),
  column.date('end_on', 'Ends', (o) => o.endOn),
  column.code('country', 'Country', 'country', (o) => o.country),
  column.text('city', 'City', (o) => o.city),
  column.text('host_organization', 'Host organization', (o) => o.hostOrganization?.name),
  column.text('delivering_organization', 'Delivering organization', (o) => o.deliveringOrganization?.name),
  column.text('lead_instructor', 'Lead instructor', (o) => o.instructors.find((i) => i.role === 'lead')?.name),
  column.number('capacity', 'Capacity', (o) => o.capacity),
  column.number('enrolled', 'Enrolled', (o) => o.enrolledCount),
  column.boolean('us_funded', 'U.S.-funded', (o) => o.isUsFunded),
  column.code('status', 'Status', 'offeringStatus', (o) => o.status),
];
const instructorParams = z.object({ id: idSchema, personId: idSchema });
const enrollmentParams = z.object({ id: idSchema, enrollmentId: idSchema });

export function offeringsRoutes(deps: { offerings: OfferingsService; enrollments: EnrollmentsService }) {
  const { offerings, enrollments } = deps;
  return (app: App) => {
    listRoute(app, '/offerings', {
      tags: ['training'],
      summary: 'Offerings of courses, newest first',
      querystring: listOfferingsQuerySchema,
      item: offeringSchema,
      table: { name: 'offerings', title: 'Offerings', columns: OFFERING_COLUMNS },
      source: offerings,
    });
    app.post(
      '/offerings',
      { schema: { tags: ['training'], summary: 'Schedule an offering of a course (it records the course’s current version)', body: createOfferingSchema, response: { 201: offeringDetailSchema } } },
      async (request, reply) => reply.status(201).send(withEtag(reply, await offerings.schedule(contextOf(request), request.body))),
    );
    app.get(
      '/offerings/:id',
      { schema: { tags: ['training'], summary: 'An offering with its instructors, roster and follow-ups', params: idParams, response: { 200: offeringDetailSchema } } },
      async (request, reply) => withEtag(reply, await offerings.get(contextOf(request), request.params.id)),
    );
    app.patch(
      '/offerings/:id',
      { schema: { tags: ['training'], summary: 'Change or cancel a scheduled offering (needs If-Match)', params: idParams, body: updateOfferingSchema, response: { 200: offeringDetailSchema } } },
      async (request, reply) => withEtag(reply, await offerings.update(contextOf(request), request.params.id, requiredVersion(request), request.body)),
    );
    app.put(
      '/offerings/:id/instructors',
      {
        schema: {
          tags: ['training'],
          summary: 'Make a person lead or co-instructor (needs If-Match); refused when they lack the required credential or the co-teaching to lead',
          params: idParams,
          body: setInstructorSchema,
          response: { 200: offeringDetailSchema },
        },
      },
      async (request, reply) => withEtag(reply, await offerings.setInstructor(contextOf(request), request.params.id, requiredVersion(request), request.body)),
    );
    app.delete(
      '/offerings/:id/instructors/:personId',
      { schema: { tags: ['training'], summary: 'Take an instructor off an offering (needs If-Match)', params: instructorParams, response: { 200: offeringDetailSchema } } },
      async (request, reply) =>
        withEtag(reply, await offerings.removeInstructor(contextOf(request), request.params.id, requiredVersion(request), request.params.personId)),
    );
    app.post(
      '/offerings/:id/enrollments',
      { schema: { tags: ['training'], summary: 'Enroll a person (capacity, duplicates, clashes and vetting are checked)', params: idParams, body: enrollSchema, response: { 201: enrollmentSchema } } },
      async (request, reply) => reply.status(201).send(withEtag(reply, await enrollments.enroll(contextOf(request), request.params.id, request.body.personId))),
    );
    app.patch(
      '/offerings/:id/enrollments/:enrollmentId',
      {
        schema: {
          tags: ['training'],
          summary: 'Record attendance and score, a withdrawal or a no-show (needs If-Match)',
          params: enrollmentParams,
          body: recordResultSchema,
          response: { 200: enrollmentSchema },
        },
      },
      async (request, reply) =>
        withEtag(reply, await enrollments.recordResult(contextOf(request), request.params.id, request.params.enrollmentId, requiredVersion(request), request.body)),
    );
    app.post(
      '/offerings/:id/close',
      {
        schema: {
          tags: ['training'],
          summary: 'Close the offering: certify everyone who met the criteria, in one go, and say who did not and why (needs If-Match)',
          description:
            'While CADRE_PUBLIC_URL is not a public https address, closing an offering that grants a credential is refused (409, rule certificate.address_not_public) unless the body names the address the certificates will point to in acknowledgedAddress.',
          params: idParams,
          body: closeOfferingSchema,
          response: { 200: closeReportSchema },
        },
      },
      async (request) => {
        const report = await enrollments.close(contextOf(request), request.params.id, requiredVersion(request), request.body?.acknowledgedAddress);
        // Why someone was not certified, in the reader's language.
        return { ...report, notCertified: report.notCertified.map((p) => ({ ...p, reasons: p.reasons.map((reason) => reason.in(request.locale)) })) };
      },
    );
    app.post(
      '/offerings/:id/follow-ups',
      { schema: { tags: ['training'], summary: 'Record, 3 to 12 months on, whether a trained instructor went on to teach', params: idParams, body: followUpSchema, response: { 200: offeringDetailSchema } } },
      async (request) => enrollments.recordFollowUp(contextOf(request), request.params.id, request.body),
    );
  };
}
