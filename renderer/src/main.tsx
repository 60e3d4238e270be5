import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles/base.css';
import './styles/controls.css';
import './styles/app-shell.css';
import './styles/dialogs.css';
import './styles/units.css';
import './styles/settings.css';
import './styles/first-run.css';
import './styles/components.css';
import './styles/dispatches.css';
import './styles/register.css';
import './styles/intake.css';
import './styles/incoming.css';
import './styles/tracking.css';
import './styles/forms.css';
import './styles/dashboard.css';
import './styles/search.css';
import './styles/maintenance.css';

const root = document.getElementById('root');
if (!root) throw new Error('Thiếu phần tử #root trong index.html.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
