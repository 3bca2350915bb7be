import { render } from 'preact';
import { uiLanguage } from '../../components/i18n.ts';
import { PopupApp } from '../../components/PopupApp.tsx';
import { CasefileDb } from '../../lib/db.ts';

document.documentElement.lang = uiLanguage();
const root = document.getElementById('app');
if (root) render(<PopupApp db={new CasefileDb()} />, root);
