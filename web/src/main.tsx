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
import './i18n';
import './validation';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
