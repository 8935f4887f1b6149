import { z } from 'zod';
import i18next from './i18n';

/**
 * Messages for zod's own checks, in the user's language. The API's schemas name their rules
 * themselves ("must not be empty"); these cover the rest, such as a required choice left empty.
 */
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined || issue.input === null || issue.input === '' ? i18next.t('validation.required') : i18next.t('validation.invalid');
      case 'invalid_value':
        return i18next.t('validation.choose');
      case 'too_small':
        return issue.origin === 'string'
          ? i18next.t('validation.tooShort', { minimum: Number(issue.minimum) })
          : i18next.t('validation.tooSmall', { minimum: Number(issue.minimum) });
      case 'too_big':
        return issue.origin === 'string'
          ? i18next.t('validation.tooLong', { maximum: Number(issue.maximum) })
          : i18next.t('validation.tooBig', { maximum: Number(issue.maximum) });
      case 'invalid_format':
        return i18next.t('validation.format');
      default:
        return undefined;
    }
  },
});
