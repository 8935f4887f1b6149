import type { FastifyReply } from 'fastify';
import { z } from 'zod';

import { type App, contextOf } from '../../platform/http/context.js';
import { columnsOf, pageOrTable } from '../../platform/http/table-export.js';
import { requiredVersion, setEtag } from '../../platform/http/versioning.js';
import { idSchema, pageSchema } from '../../platform/schemas.js';
import {
  createPersonSchema,
  listPeopleQuerySchema,
  type Person,
  type PersonDetail,
  personDetailSchema,
  personSchema,
  readinessItemSchema,
  setReadinessSchema,
  updatePersonSchema,
} from './people.schemas.js';
import { languageSkillText, languageSkillWords } from './languages.js';
import type { PeopleService } from './people.service.js';

const idParams = z.object({ id: idSchema });

/** A change answers with the person's next version as the ETag, to send with the next change. */
function personWithEtag(reply: FastifyReply, person: PersonDetail): PersonDetail {
  setEtag(reply, person.version ?? 1);
  return person;
}

const readinessParams = z.object({ id: idSchema, item: readinessItemSchema });

const column = columnsOf<Person>();
const TABLE_COLUMNS = [
  column.text('id', 'ID', (p) => p.id),
  column.text('family_name', 'Family name', (p) => p.familyName),
  column.text('given_name', 'Given name', (p) => p.givenName),
  column.text('organization', 'Organization', (p) => p.organizationName),
  column.text('rank_title', 'Rank or title', (p) => p.rankTitle),
  column.code('status', 'Status', 'personStatus', (p) => p.status),
  column.worded(
    'languages',
    'Languages',
    (p) => p.languages?.map(languageSkillText).join('; '),
    (p) => p.languages?.map(languageSkillWords).join('; '),
  ),
  column.codes('heritage_countries', 'Heritage countries', 'country', (p) => p.heritageCountries),
  column.text('specialties', 'Specialties', (p) => p.specialties?.join('; ')),
  column.code('readiness', 'Readiness today', 'readiness', (p) => p.readiness?.status),
];

export function peopleRoutes(deps: { people: PeopleService }) {
  const { people } = deps;
  return (app: App) => {
    // A list route of its own, so the readiness reasons it answers are in the reader's language.
    app.get(
      '/people',
      {
        schema: {
          tags: ['people'],
          summary: 'The roster: search by name, language and level, specialty, heritage, agency, readiness; format=csv exports it',
          querystring: listPeopleQuerySchema,
          response: { 200: pageSchema(personSchema) },
        },
      },
      async (request, reply) => pageOrTable(reply, contextOf(request), request.query, { name: 'people', title: 'People', columns: TABLE_COLUMNS }, people),
    );

    app.post(
      '/people',
      { schema: { tags: ['people'], summary: 'Add a person to an agency’s roster', body: createPersonSchema, response: { 201: personDetailSchema } } },
      async (request, reply) => {
        const person = await people.create(contextOf(request), request.body);
        setEtag(reply, person.version ?? 1);
        return reply.status(201).header('location', `/api/people/${person.id}`).send(person);
      },
    );

    app.get(
      '/people/:id',
      { schema: { tags: ['people'], summary: 'A person, with readiness items (passport number masked)', params: idParams, response: { 200: personDetailSchema } } },
      async (request, reply) => {
        const person = await people.get(contextOf(request), request.params.id);
        if (person.version) setEtag(reply, person.version);
        return person;
      },
    );

    app.patch(
      '/people/:id',
      {
        schema: { tags: ['people'], summary: 'Change a person (needs If-Match)', params: idParams, body: updatePersonSchema, response: { 200: personDetailSchema } },
      },
      async (request, reply) => {
        return personWithEtag(reply, await people.update(contextOf(request), request.params.id, requiredVersion(request), request.body));
      },
    );

    app.put(
      '/people/:id/readiness/:item',
      {
        schema: {
          tags: ['people'],
          summary: 'Record a readiness item: passport, medical, security or country clearance, security or pre-deployment training, agency release (needs If-Match with the person’s version)',
          params: readinessParams,
          body: setReadinessSchema,
          response: { 200: personDetailSchema },
        },
      },
      async (request, reply) => personWithEtag(reply, await people.setReadiness(contextOf(request), request.params.id, request.params.item, request.body, requiredVersion(request))),
    );

    app.delete(
      '/people/:id/readiness/:item',
      { schema: { tags: ['people'], summary: 'Remove a readiness item (needs If-Match with the person’s version)', params: readinessParams, response: { 200: personDetailSchema } } },
      async (request, reply) => personWithEtag(reply, await people.clearReadiness(contextOf(request), request.params.id, request.params.item, requiredVersion(request))),
    );

    app.post(
      '/people/:id/passport-number/reveal',
      {
        schema: {
          tags: ['people'],
          summary: 'Show the full passport number (program office staff; audited)',
          params: idParams,
          response: { 200: z.object({ passportNumber: z.string() }) },
        },
      },
      async (request) => people.revealPassportNumber(contextOf(request), request.params.id),
    );
  };
}
