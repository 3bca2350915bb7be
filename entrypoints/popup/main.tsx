import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp.tsx';
import { CasefileDb } from '../../lib/db.ts';

const root = document.getElementById('app');
if (root) render(<PopupApp db={new CasefileDb()} />, root);
