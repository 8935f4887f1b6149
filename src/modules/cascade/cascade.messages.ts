import { defineMessages } from '../../platform/i18n/messages.js';
import en from './messages/en.json' with { type: 'json' };
import es from './messages/es.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };
import ht from './messages/ht.json' with { type: 'json' };
import pt from './messages/pt.json' with { type: 'json' };

/** What the cascade says to people. */
export const cascadeText = defineMessages('cascade', { en, es, fr, pt, ht });
