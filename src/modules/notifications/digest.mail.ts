import type { Mail } from '../../platform/mail.js';

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
 * One mail gathering a user's unread notices: plain text and a simple HTML part with the same
 * content, every link absolute under Cadre's public URL, and where to turn the digest off.
 */
export function digestMail(to: { email: string; name: string }, items: readonly DigestItem[], publicUrl: string): Mail {
  const shown = items.slice(0, DIGEST_MAX_ITEMS);
  const more = items.length - shown.length;
  const count = items.length === 1 ? '1 unread notification' : `${items.length} unread notifications`;
  const subject = `Cadre: ${count}`;
  const all = absolute(publicUrl, '/notifications');
  const settings = absolute(publicUrl, '/account/notifications');
  const text = [
    `Hello ${to.name},`,
    '',
    `You have ${count} in Cadre:`,
    '',
    ...shown.flatMap((item) => [`* ${item.title}`, `  ${item.body}`, ...(item.link ? [`  ${absolute(publicUrl, item.link)}`] : []), '']),
    ...(more > 0 ? [`And ${more} more.`, ''] : []),
    `All your notifications: ${all}`,
    `You receive this digest once a day while you have unread notifications. Turn it off: ${settings}`,
    '',
  ].join('\n');
  const html = [
    '<!doctype html><html lang="en"><body style="font-family: sans-serif; line-height: 1.4">',
    `<p>Hello ${escapeHtml(to.name)},</p>`,
    `<p>You have ${escapeHtml(count)} in Cadre:</p>`,
    '<ul>',
    ...shown.map((item) => {
      const title = item.link ? `<a href="${escapeHtml(absolute(publicUrl, item.link))}">${escapeHtml(item.title)}</a>` : escapeHtml(item.title);
      return `<li><p><strong>${title}</strong><br>${escapeHtml(item.body)}</p></li>`;
    }),
    '</ul>',
    ...(more > 0 ? [`<p>And ${more} more.</p>`] : []),
    `<p><a href="${escapeHtml(all)}">All your notifications</a></p>`,
    `<p style="color: #555">You receive this digest once a day while you have unread notifications. <a href="${escapeHtml(settings)}">Turn it off</a>.</p>`,
    '</body></html>',
  ].join('\n');
  return { to: to.email, subject, text, html };
}
