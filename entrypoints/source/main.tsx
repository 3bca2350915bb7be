import { render } from 'preact';
import { SourceViewer } from '../../components/source/SourceViewer.tsx';
import { CasefileDb } from '../../lib/db.ts';
import { parseSourceViewerHash } from '../../lib/source-link.ts';

// The source viewer: source.html#source=<id>&start=<n>&end=<n> (lib/source-link.ts).
// The address lives in the hash, so following a link to another passage or
// source changes the hash and the page renders again, without a reload.
const root = document.getElementById('app');
if (root) {
  const db = new CasefileDb();
  const show = () =>
    render(<SourceViewer db={db} link={parseSourceViewerHash(location.hash)} />, root);
  window.addEventListener('hashchange', show);
  show();
}
