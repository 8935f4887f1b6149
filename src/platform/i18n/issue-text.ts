import type { Text } from './messages.js';

/**
 * A custom check's problem carrying its words, for `ctx.addIssue` and `.refine`:
 * `{ ...textIssue(text) }`. The English is the message everyone reading the issue directly sees
 * (the CLI, the web app's forms); the `Text` lets the API answer in the reader's language.
 */
export function textIssue(text: Text): { message: string; params: { text: ReturnType<Text['toJSON']> } } {
  return { message: text.in('en'), params: { text: text.toJSON() } };
}
