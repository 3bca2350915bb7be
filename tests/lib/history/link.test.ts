import { describe, expect, it } from 'vitest';
import { claimLink, pageLink } from '../../../lib/history/link.ts';

describe('pageLink', () => {
  it.each([
    ['https://forum.example.org/t/coco?page=2', 'https://forum.example.org/t/coco?page=2'],
    ['http://example.org', 'http://example.org/'],
  ])('links the web page %s', (url, href) => {
    expect(pageLink(url)).toBe(href);
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<b>x</b>',
    'file:///etc/passwd',
    '',
    'not a url',
  ])('makes no link of %j', (url) => {
    expect(pageLink(url)).toBeNull();
    expect(claimLink(url, 'Le site Coco a été fermé.')).toBeNull();
  });
});

describe('claimLink', () => {
  it('scrolls to a short claim as a whole, its syntax characters escaped', () => {
    expect(claimLink('https://example.org/a', 'Coco, fermé le 25-06-2024 & saisi.')).toBe(
      'https://example.org/a#:~:text=Coco%2C%20ferm%C3%A9%20le%2025%2D06%2D2024%20%26%20saisi.',
    );
  });

  it('names a long claim by its first and last words', () => {
    const link = claimLink(
      'https://example.org/a',
      'Selon le parquet de Paris, 23 051 procédures judiciaires ont été ouvertes entre 2021 et 2024.',
    )!;
    const directive = decodeURIComponent(link.split(':~:text=')[1]!.replace(/%2C/g, '\u0000'));
    expect(directive.split(',')).toEqual(['Selon le parquet de', 'entre 2021 et 2024.']);
    expect(link.split(':~:text=')[1]!.split(',')).toHaveLength(2);
  });

  it('keeps the page’s own fragment and replaces a text directive it had', () => {
    expect(claimLink('https://example.org/a#comments', 'Coco a fermé.')).toBe(
      'https://example.org/a#comments:~:text=Coco%20a%20ferm%C3%A9.',
    );
    expect(claimLink('https://example.org/a#top:~:text=autre', 'Coco a fermé.')).toBe(
      'https://example.org/a#top:~:text=Coco%20a%20ferm%C3%A9.',
    );
  });

  it('makes no link of an empty claim', () => {
    expect(claimLink('https://example.org/a', '  \n ')).toBeNull();
  });
});
