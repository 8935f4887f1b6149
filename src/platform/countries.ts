/**
 * The countries library's core: its main entry would also register the names of countries in
 * eighty languages, tens of megabytes no server reads. Each user of names registers the few
 * languages it needs (`registerLocale`).
 */
export { default as countries } from 'i18n-iso-countries/index.js';
