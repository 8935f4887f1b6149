import type { Locale } from '../../platform/i18n/locales.js';
import type { TextValues } from '../../platform/i18n/messages.js';
import type { Mail } from '../../platform/mail.js';
import { notificationsText } from './notifications.messages.js';

/** A digest lists this many notices at most; past that it says how many more wait in the app. */
export const DIGEST_MAX_ITEMS = 50;

export interface DigestItem {
  title: string;
  body: string;
  link: string | null;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** An absolute address under Cadre's public URL (which may have a path of its own) for a path of the web app. */
function absolute(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/**
 * One mail gathering a user's unread notices, in the user's language: plain text and a simple
 * HTML part with the same content, every link absolute under Cadre's public URL, and where to
 * turn the digest off.
 */
export function digestMail(to: { email: string; name: string; locale: Locale }, items: readonly DigestItem[], publicUrl: string): Mail {
  const say = (key: Parameters<typeof notificationsText>[0], values?: TextValues) => notificationsText(key, values).in(to.locale);
  const shown = items.slice(0, DIGEST_MAX_ITEMS);
  const more = items.length - shown.length;
  const all = absolute(publicUrl, '/notifications');
  const settings = absolute(publicUrl, '/account/notifications');
  const youHave = say('digest.youHave', { count: items.length });
  const why = say('digest.why');
  const text = [
    say('digest.hello', { name: to.name }),
    '',
    youHave,
    '',
    ...shown.flatMap((item) => [`* ${item.title}`, `  ${item.body}`, ...(item.link ? [`  ${absolute(publicUrl, item.link)}`] : []), '']),
    ...(more > 0 ? [say('digest.more', { count: more }), ''] : []),
    say('digest.all', { url: all }),
    `${why} ${say('digest.turnOffAt', { url: settings })}`,
    '',
  ].join('\n');
  const html = [
    `<!doctype html><html lang="${to.locale}"><body style="font-family: sans-serif; line-height: 1.4">`,
    `<p>${escapeHtml(say('digest.hello', { name: to.name }))}</p>`,
    `<p>${escapeHtml(youHave)}</p>`,
    '<ul>',
    ...shown.map((item) => {
      const title = item.link ? `<a href="${escapeHtml(absolute(publicUrl, item.link))}">${escapeHtml(item.title)}</a>` : escapeHtml(item.title);
      return `<li><p><strong>${title}</strong><br>${escapeHtml(item.body)}</p></li>`;
    }),
    '</ul>',
    ...(more > 0 ? [`<p>${escapeHtml(say('digest.more', { count: more }))}</p>`] : []),
    `<p><a href="${escapeHtml(all)}">${escapeHtml(say('digest.allLink'))}</a></p>`,
    `<p style="color: #555">${escapeHtml(why)} <a href="${escapeHtml(settings)}">${escapeHtml(say('digest.turnOff'))}</a>.</p>`,
    '</body></html>',
  ].join('\n');
  return { to: to.email, subject: say('digest.subject', { count: items.length }), text, html };
}
