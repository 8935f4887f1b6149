import { defineMessages } from '../../platform/i18n/messages.js';
import en from './messages/en.json' with { type: 'json' };
import es from './messages/es.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };
import ht from './messages/ht.json' with { type: 'json' };
import pt from './messages/pt.json' with { type: 'json' };

/** What credentials say to people: refusals, each check of a verification, and the verdict (the web's `verify.verdict` words). */
export const badgesText = defineMessages('badges', { en, es, fr, pt, ht });
