import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/source-serif-4/400.css';
import '@fontsource/source-serif-4/400-italic.css';
import '@fontsource/source-serif-4/600.css';
import '@fontsource/inter/400.css';
import '@fontsource/inter/600.css';
import './styles/app.css';
import './styles/highlights.css';
import './styles/agreement.css';
import './styles/tags.css';
import './styles/exchange.css';
import './styles/bilingual.css';
import './styles/pdf.css';
import './styles/sync.css';
import { StartupRoot } from './shell/StartupRoot';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StartupRoot />
  </StrictMode>,
);
