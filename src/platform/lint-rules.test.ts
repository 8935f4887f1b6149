import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { packageRoot } from './package-root.js';

const eslint = new ESLint({ cwd: packageRoot, overrideConfigFile: 'eslint.config.js' });

async function problems(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax' || m.ruleId === 'no-restricted-imports').map((m) => m.ruleId);
}

const SERVICE_RUNNING_A_QUERY = `import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

export function createThingsService({ db }: { db: Kysely<DB> }) {
  return {
    list() {
      return db.selectFrom('people').selectAll().execute();
    },
  };
}
`;

const RAW_SQL = `import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

export async function count(db: Kysely<DB>) {
  return sql<number>\`SELECT count(*) FROM people\`.execute(db);
}
`;

describe('the rule that keeps queries in repositories', () => {
  it('refuses a service that runs a query', async () => {
    expect(await problems(SERVICE_RUNNING_A_QUERY, 'src/modules/things/things.service.ts')).toEqual(['no-restricted-syntax']);
  });

  it('refuses raw SQL and its import outside a repository', async () => {
    expect((await problems(RAW_SQL, 'src/modules/things/things.service.ts')).sort()).toEqual(['no-restricted-imports', 'no-restricted-syntax']);
  });

  it('lets the same code be in a repository, in the database layer and in tests', async () => {
    expect(await problems(SERVICE_RUNNING_A_QUERY, 'src/modules/things/things.repository.ts')).toEqual([]);
    expect(await problems(RAW_SQL, 'src/modules/things/things.repository.ts')).toEqual([]);
    expect(await problems(RAW_SQL, 'src/platform/db/things.ts')).toEqual([]);
    expect(await problems(SERVICE_RUNNING_A_QUERY, 'src/modules/things/things.api.test.ts')).toEqual([]);
  });
});
