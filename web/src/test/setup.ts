import i18next, { i18nReady } from '../i18n';
import { NAMESPACES } from '../locales/namespaces';

// The app loads an area's words with its route (see router.tsx); a test renders components
// without the router's loaders, so every English namespace is in before it starts.
await i18nReady;
await i18next.loadNamespaces(NAMESPACES);
