import '@uswds/uswds/css/uswds.min.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/lists.css';
import './styles/records.css';
import './styles/board.css';
import './styles/people.css';
import './styles/deployments.css';
import './styles/timeline.css';
import './styles/training.css';
import './styles/verify.css';
import './styles/reports.css';
import './styles/imports.css';
// Last, so that on paper it wins over the screen's styles.
import './styles/print.css';
import { i18nReady } from './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
// The chosen language's catalog first (English is bundled; another is one small chunk), so the
// first paint is already in that language.
void i18nReady.finally(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
