import { render } from 'preact';
import { uiLanguage } from '../../components/i18n.ts';
import { WelcomePage } from '../../components/WelcomePage.tsx';

document.documentElement.lang = uiLanguage();
document.title = uiLanguage() === 'fr' ? 'Casefile — bienvenue' : 'Casefile — welcome';
const root = document.getElementById('app');
if (root) render(<WelcomePage />, root);
