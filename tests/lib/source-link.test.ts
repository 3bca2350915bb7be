import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseSourceViewerHash,
  sourceViewerHash,
  sourceViewerPath,
  type SourceLink,
} from '../../lib/source-link.ts';

const RELEASE = 'parquet-paris-communique-2024-06-25';
const ARTICLE = 'bfm-techco-fermeture-coco-2024-06-25';

describe('sourceViewerPath', () => {
  it.each([
    [
      { sourceId: RELEASE, start: 1836, end: 1899 },
      `/source.html#source=${RELEASE}&start=1836&end=1899`,
    ],
    [{ sourceId: ARTICLE, start: 0, end: 1 }, `/source.html#source=${ARTICLE}&start=0&end=1`],
    [{ sourceId: RELEASE }, `/source.html#source=${RELEASE}`],
    [
      { sourceId: 'le site « coco » & co=1', start: 5, end: 9 },
      '/source.html#source=le%20site%20%C2%AB%20coco%20%C2%BB%20%26%20co%3D1&start=5&end=9',
    ],
  ] satisfies [SourceLink, string][])('builds the address of %j', (link, expected) => {
    expect(sourceViewerPath(link)).toBe(expected);
  });

  it.each([
    [{ sourceId: '' }],
    [{ sourceId: RELEASE, start: 1836 }],
    [{ sourceId: RELEASE, end: 1899 }],
    [{ sourceId: RELEASE, start: 1899, end: 1836 }],
    [{ sourceId: RELEASE, start: 1836, end: 1836 }],
    [{ sourceId: RELEASE, start: -1, end: 10 }],
    [{ sourceId: RELEASE, start: 1.5, end: 10 }],
    [{ sourceId: RELEASE, start: 0, end: Number.NaN }],
    [{ sourceId: RELEASE, start: 0, end: Number.POSITIVE_INFINITY }],
  ] satisfies [SourceLink][])('refuses to link to nowhere: %j', (link) => {
    expect(() => sourceViewerPath(link)).toThrow(RangeError);
  });
});

describe('sourceViewerHash', () => {
  it('is the path without the page, for links inside the viewer', () => {
    const link = { sourceId: RELEASE, start: 1536, end: 1728 };
    expect(sourceViewerHash(link)).toBe(`#source=${RELEASE}&start=1536&end=1728`);
    expect(sourceViewerPath(link)).toBe(`/source.html${sourceViewerHash(link)}`);
  });
});

describe('parseSourceViewerHash', () => {
  it.each([
    [`#source=${RELEASE}&start=1836&end=1899`, { sourceId: RELEASE, start: 1836, end: 1899 }],
    [`source=${RELEASE}&start=1836&end=1899`, { sourceId: RELEASE, start: 1836, end: 1899 }],
    [`#end=1899&start=1836&source=${RELEASE}`, { sourceId: RELEASE, start: 1836, end: 1899 }],
    [`#source=${ARTICLE}&start=0&end=1`, { sourceId: ARTICLE, start: 0, end: 1 }],
    [`#source=${RELEASE}`, { sourceId: RELEASE }],
    [`#source=${RELEASE}&`, { sourceId: RELEASE }],
    [`#source=${RELEASE}&lang=en&start=3&end=4`, { sourceId: RELEASE, start: 3, end: 4 }],
    ['#source=le%20site%20%C2%AB%20coco%20%C2%BB', { sourceId: 'le site « coco »' }],
  ])('reads %j', (hash, expected) => {
    expect(parseSourceViewerHash(hash)).toEqual(expected);
  });

  it.each([
    ['only a start', `#source=${RELEASE}&start=1836`],
    ['only an end', `#source=${RELEASE}&end=1899`],
    ['start after end', `#source=${RELEASE}&start=1899&end=1836`],
    ['an empty passage', `#source=${RELEASE}&start=1836&end=1836`],
    ['a negative start', `#source=${RELEASE}&start=-1&end=10`],
    ['a decimal', `#source=${RELEASE}&start=1.5&end=10`],
    ['an exponent', `#source=${RELEASE}&start=0&end=1e3`],
    ['a plus sign', `#source=${RELEASE}&start=%2B1&end=10`],
    ['leading zeros', `#source=${RELEASE}&start=007&end=10`],
    ['words', `#source=${RELEASE}&start=début&end=fin`],
    ['empty values', `#source=${RELEASE}&start=&end=`],
    ['a number too large to be exact', `#source=${RELEASE}&start=0&end=99999999999999999999`],
    ['a repeated start', `#source=${RELEASE}&start=1&start=2&end=10`],
  ])('keeps the source but drops the passage for %s', (_case, hash) => {
    const link = parseSourceViewerHash(hash);
    expect(link).toEqual({ sourceId: RELEASE });
    expect(link).not.toHaveProperty('start');
    expect(link).not.toHaveProperty('end');
  });

  it.each([
    ['an empty hash', ''],
    ['a lone #', '#'],
    ['no source', '#start=1836&end=1899'],
    ['an empty source', '#source=&start=1836&end=1899'],
    ['a source without a value', '#source&start=1836&end=1899'],
    ['two sources', `#source=${RELEASE}&source=${ARTICLE}`],
    ['a broken percent-encoding', '#source=coco%&start=1&end=2'],
    ['a broken UTF-8 sequence', '#source=%C3&start=1&end=2'],
    ['another page’s anchor', '#passage'],
  ])('returns null for %s', (_case, hash) => {
    expect(parseSourceViewerHash(hash)).toBeNull();
  });

  it('reads back every address sourceViewerPath builds', () => {
    const sourceId = fc.string({ minLength: 1, unit: 'grapheme' });
    const passage = fc
      .tuple(fc.nat({ max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }))
      .map(([start, length]) => ({ start, end: start + length }));
    fc.assert(
      fc.property(sourceId, fc.option(passage, { nil: undefined }), (id, span) => {
        const link: SourceLink = { sourceId: id, ...span };
        const path = sourceViewerPath(link);
        expect(path.startsWith('/source.html#')).toBe(true);
        expect(parseSourceViewerHash(path.slice(path.indexOf('#')))).toEqual(link);
      }),
    );
  });

  it('reads an address as the browser reports it in location.hash', () => {
    const url = new URL(
      `chrome-extension://abcdefghijklmnopabcdefghijklmnop${sourceViewerPath({ sourceId: 'é è', start: 1, end: 2 })}`,
    );
    expect(parseSourceViewerHash(url.hash)).toEqual({ sourceId: 'é è', start: 1, end: 2 });
  });
});
