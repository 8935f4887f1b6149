import { type App, contextOf } from '../../platform/http/context.js';
import { searchQuerySchema, searchResponseSchema } from './search.schemas.js';
import type { SearchService } from './search.service.js';

export function searchRoutes(deps: { search: SearchService }) {
  return (app: App) => {
    app.get(
      '/search',
      {
        schema: {
          tags: ['search'],
          summary: 'Find partners, people, offerings, courses, certifications and deployments by name, acronym, email, code or number, within what the caller may read',
          querystring: searchQuerySchema,
          response: { 200: searchResponseSchema },
        },
      },
      async (request) => deps.search.search(contextOf(request), request.query),
    );
  };
}
