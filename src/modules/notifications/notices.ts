import type { Actor } from '../../platform/access.js';
import { STAFF } from '../../platform/access.js';
import type { Recipient, UsersService } from '../accounts/users.service.js';
import type { NoticeKind } from './notifications.schemas.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { isStoredText, type Localizable, Text } from '../../platform/i18n/messages.js';

/**
 * One thing to tell one user. A user is told of a kind, subject and occurrence once: the same
 * follow-up overdue on the same due date is one notice however often the job runs; moved to a
 * later date and overdue again, it is another.
 */
export interface Notice {
  userId: string;
  kind: NoticeKind;
  subjectId: string;
  occurrence: string;
  /** Stored as the words' key and values when a `Text`, so each reader reads it in their language. */
  title: Localizable;
  body: Localizable;
  /** The record's page in the web app, a path from its root. */
  link: string;
}

/** A notice's words as the notifications table keeps them: a `Text` as its JSON, plain words as they are. */
export function storedWords(words: Localizable): string {
  return typeof words === 'string' ? words : JSON.stringify(words.toJSON());
}

/** Stored words in a reader's language; rows stored before notices had a language read as they were written. */
export function readWords(stored: string, locale: Locale): string {
  if (!stored.startsWith('{')) return stored;
  try {
    const parsed: unknown = JSON.parse(stored);
    return isStoredText(parsed) ? Text.from(parsed).in(locale) : stored;
  } catch {
    return stored;
  }
}

/** Where the scheduled job's notices come from: one condition of one module, judged on a day. */
export interface NoticeSource {
  readonly name: string;
  notices(day: string): Promise<Notice[]>;
}

/** The notice for each recipient who may read the record it is about, and for nobody else. */
export function noticesFor(recipients: readonly Recipient[], mayRead: (actor: Actor) => boolean, notice: Omit<Notice, 'userId'>): Notice[] {
  return recipients.filter((r) => mayRead(r.actor)).map((r) => ({ ...notice, userId: r.id }));
}

/**
 * Who hears of owned work: its owner while their account is active, else the program office's
 * staff, so work nobody owns (or whose owner left) still reaches someone. Loads every account
 * it needs at once and answers for each owner.
 */
export async function ownerElseStaff(users: Pick<UsersService, 'recipients'>, ownerIds: readonly (string | null)[]): Promise<(ownerId: string | null) => Recipient[]> {
  const ids = [...new Set(ownerIds.filter((id): id is string => id !== null))];
  const owners = new Map((ids.length ? await users.recipients({ ids }) : []).map((r) => [r.id, r]));
  const staff = await users.recipients({ roles: STAFF });
  return (ownerId) => {
    const owner = ownerId ? owners.get(ownerId) : undefined;
    return owner ? [owner] : staff;
  };
}
