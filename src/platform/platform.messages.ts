import { defineMessages } from './i18n/messages.js';
import en from './messages/en.json' with { type: 'json' };
import es from './messages/es.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };
import ht from './messages/ht.json' with { type: 'json' };
import pt from './messages/pt.json' with { type: 'json' };

/** What the HTTP layer and the shared refusals say: problem titles, field problems, records by name. */
export const platformText = defineMessages('platform', { en, es, fr, pt, ht });

type RecordKey = Extract<keyof typeof en, `record.${string}`>;
/** A kind of record, as refusals name it ("the person"): one word per kind so each language can decline it. */
export type RecordKind = RecordKey extends `record.${infer Kind}` ? Kind : never;
