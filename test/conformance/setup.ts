import fs from 'node:fs';
import { REQUIRED_FILES, STANDARDS_DIR } from './standards.js';

/** The suite fails as a whole, and says why, when the standards are not where it reads them. */
export default function requireStandards() {
  const missing = REQUIRED_FILES.filter((file) => !fs.existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `The conformance suite reads the official standards from ${STANDARDS_DIR} (../shared/standards beside the clone, or CADRE_STANDARDS_DIR), and these are missing:\n  ${missing.join('\n  ')}`,
    );
  }
}
