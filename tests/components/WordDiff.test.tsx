import { describe, expect, it } from 'vitest';
import { WordDiff } from '../../components/WordDiff.tsx';
import { rendered } from '../helpers/render.ts';

describe('WordDiff', () => {
  it('reads every token of the notation, the card’s and the popup’s alike', () => {
    const root = rendered(
      <WordDiff diff="pour [-sa-] {+une+} [~notoire absence → absence notoire~] de modération […] fin" />,
    );
    expect(root.querySelector('del')!.textContent).toBe('sa');
    expect(root.querySelector('ins')!.textContent).toBe('une');
    const moved = root.querySelector('mark')!;
    expect(moved.className).toBe('moved');
    expect(moved.textContent).toBe('notoire absence → absence notoire');
    expect(root.querySelector('p.diff')!.textContent).toBe(
      'pour sa une notoire absence → absence notoire de modération […] fin',
    );
  });

  it('shows markup in a diff as text, never as elements', () => {
    const root = rendered(<WordDiff diff={'{+<img src=x onerror=alert(1)>+} <b>gras</b>'} />);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    expect(root.querySelector('ins')!.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
