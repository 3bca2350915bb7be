import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from '../../entrypoints/content/context.ts';

afterEach(() => {
  vi.useRealTimers();
  fakeBrowser.reset();
});

describe('the content script’s context', () => {
  it('runs a timer once, and a timer that fired leaves no listener on its signal', () => {
    vi.useFakeTimers();
    const ctx = new ContentScriptContext('content');
    const added = vi.spyOn(ctx.signal, 'addEventListener');
    const removed = vi.spyOn(ctx.signal, 'removeEventListener');
    let runs = 0;
    // A busy page schedules a pass every 400 ms for hours: none may stay behind.
    for (let i = 0; i < 1000; i++) ctx.setTimeout(() => (runs += 1), 400);
    vi.advanceTimersByTime(400);
    expect(runs).toBe(1000);
    expect(added).toHaveBeenCalledTimes(1000);
    expect(removed).toHaveBeenCalledTimes(1000);
  });

  it('clears the timers still waiting when it is invalidated', () => {
    vi.useFakeTimers();
    const ctx = new ContentScriptContext('content');
    let runs = 0;
    ctx.setTimeout(() => (runs += 1), 400);
    ctx.setInterval(() => (runs += 1), 100);
    ctx.notifyInvalidated();
    vi.advanceTimersByTime(1000);
    expect(runs).toBe(0);
    expect(ctx.isInvalid).toBe(true);
  });
});
