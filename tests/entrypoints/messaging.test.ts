import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { askBackground } from '../../entrypoints/content/messaging.ts';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  fakeBrowser.reset();
});

describe('askBackground', () => {
  it('keeps asking for about 13 s while the service worker is stopped again and again', async () => {
    vi.useFakeTimers();
    let calls = 0;
    // Each stop fails a message at once; the eighth try finds the worker up.
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => {
      calls += 1;
      if (calls < 8)
        throw new Error('Could not establish connection. Receiving end does not exist.');
      return { highlights: true, language: 'auto' };
    }) as never);
    const asked = askBackground({ type: 'casefile:get-page-settings' });
    await vi.advanceTimersByTimeAsync(20_000);
    await expect(asked).resolves.toEqual({ highlights: true, language: 'auto' });
    expect(calls).toBe(8);
  });

  it('gives up, with no answer, once the tries are spent', async () => {
    vi.useFakeTimers();
    let calls = 0;
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => {
      calls += 1;
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }) as never);
    const asked = askBackground({ type: 'casefile:get-page-settings' });
    await vi.advanceTimersByTimeAsync(60_000);
    await expect(asked).resolves.toBeUndefined();
    expect(calls).toBe(8);
  });
});
