import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp.tsx';
import { CasefileDb } from '../../lib/db.ts';

// The options page (chrome://extensions → Details → Extension options), in a tab.
const root = document.getElementById('app');
if (root) render(<OptionsApp db={new CasefileDb()} />, root);
