import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The Node.js options Cadre runs with (its heap size: docs/operations.md, Memory), alike wherever npm starts it. */
const { scripts } = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
const heapOptions = (command: string) => command.split(' ').filter((word) => word.startsWith('--max-old-space-size'));

describe('the Node.js options of npm start and npm run cadre', () => {
  it('bound the heap alike, to the size the operations guide gives', () => {
    const start = heapOptions(scripts.start ?? '');
    expect(start).toEqual(['--max-old-space-size=1024']);
    expect(heapOptions(scripts.cadre ?? '')).toEqual(start);
  });
});
