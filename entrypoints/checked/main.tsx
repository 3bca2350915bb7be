import { render } from 'preact';
import { HistoryApp } from '../../components/HistoryApp.tsx';
import { uiLanguage } from '../../components/i18n.ts';
import { CasefileDb } from '../../lib/db.ts';

document.documentElement.lang = uiLanguage();
document.title = uiLanguage() === 'fr' ? 'Casefile — historique' : 'Casefile — history';
const root = document.getElementById('app');
if (root) render(<HistoryApp db={new CasefileDb()} />, root);
