import { defineMessages } from '../../platform/i18n/messages.js';
import en from './messages/en.json' with { type: 'json' };
import es from './messages/es.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };
import ht from './messages/ht.json' with { type: 'json' };
import pt from './messages/pt.json' with { type: 'json' };

/** What training says to people: refusals of offerings, enrollments, the catalogue and certifications. */
export const trainingText = defineMessages('training', { en, es, fr, pt, ht });
