import fs from 'node:fs';
import path from 'node:path';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { packageRoot } from '../../src/platform/package-root.js';

/**
 * The standards' own artefacts that Cadre may test against but not redistribute (the 1EdTech
 * Open Badges JSON Schemas are licensed for internal testing only), so they stay outside the
 * repository: `../shared/standards` beside the clone, or wherever CADRE_STANDARDS_DIR points.
 */
export const STANDARDS_DIR = path.resolve(process.env.CADRE_STANDARDS_DIR ?? path.join(packageRoot, '..', 'shared', 'standards'));

const OPEN_BADGES_SCHEMAS = path.join(STANDARDS_DIR, 'openbadges', 'schema');

/** Every file the conformance suite reads; a missing one stops the suite before any test runs. */
export const REQUIRED_FILES = [
  path.join(OPEN_BADGES_SCHEMAS, 'ob_v3p0_achievementcredential.jsonschema1.json'),
  path.join(OPEN_BADGES_SCHEMAS, 'ob_v3p0_endorsementcredential.jsonschema1.json'),
  ...['iati-activities-schema.xsd', 'iati-common.xsd', 'xml.xsd', 'codelists/iati-codelists.en.json', 'codelists/mapping.xml', 'rulesets/standard.json'].map((file) => path.join(STANDARDS_DIR, 'iati', file)),
];

export type OpenBadgesSchema = 'achievementcredential' | 'endorsementcredential';

/** A validator for one of the Open Badges 3.0 JSON Schemas (draft 2019-09, hence Ajv2019). */
export function openBadgesValidator(name: OpenBadgesSchema) {
  const schema = JSON.parse(fs.readFileSync(path.join(OPEN_BADGES_SCHEMAS, `ob_v3p0_${name}.jsonschema1.json`), 'utf8')) as object;
  // strict: false because the published schemas use keywords Ajv's strict mode does not know.
  const ajv = new Ajv2019.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(schema);
}
