import { defineMessages } from '../../platform/i18n/messages.js';
import en from './messages/en.json' with { type: 'json' };
import es from './messages/es.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };
import ht from './messages/ht.json' with { type: 'json' };
import pt from './messages/pt.json' with { type: 'json' };

/** What reports say: their refusals, the checks of a report year, and the notice that a run has ended. */
export const reportsText = defineMessages('reports', { en, es, fr, pt, ht });
