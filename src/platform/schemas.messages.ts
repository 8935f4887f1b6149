import { defineMessages } from './i18n/messages.js';
import en from './messages/schemas/en.json' with { type: 'json' };
import es from './messages/schemas/es.json' with { type: 'json' };
import fr from './messages/schemas/fr.json' with { type: 'json' };
import ht from './messages/schemas/ht.json' with { type: 'json' };
import pt from './messages/schemas/pt.json' with { type: 'json' };

/**
 * The shared schemas' own sentences (schemas.ts writes them in English, as the web app imports
 * it); a field problem that says one of them is answered in the reader's language.
 */
export const schemaText = defineMessages('schemas', { en, es, fr, pt, ht });
