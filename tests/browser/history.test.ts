import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { historyPage, SCREENSHOTS, useSession } from './session.ts';

/** RFC 4180 rows of a CSV text (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe('the history of checks', () => {
  const session = useSession();

  it('logs checked pages and pasted texts, and finds them by search', async () => {
    const article = await session.browser.context.newPage();
    await article.goto(`${session.server.origin}/article-fr.html`);
    await article.waitForFunction(() => performance.getEntriesByName('casefile:scan').length > 0);

    const popup = await session.browser.context.newPage();
    await popup.goto(`chrome-extension://${session.browser.extensionId}/popup.html`);
    await popup
      .getByLabel(/Paste a text|Collez un texte/)
      .fill('Coco était immatriculé à Malte, selon un post viral sur le site.');
    await popup.getByRole('button', { name: /^(Check|Vérifier)$/ }).click();
    await popup.getByTestId('paste-result').locator('li').first().waitFor();
    await popup.close();

    const page = await historyPage(session.browser);
    const entries = page.getByTestId('history-entry');
    await expect.poll(() => entries.count(), { timeout: 10_000 }).toBe(2);
    expect(await entries.first().textContent()).toMatch(/Pasted text|Texte collé/);
    expect(
      await page.locator('[data-testid="history-entry"] li[data-verdict="contradicted"]').count(),
    ).toBeGreaterThan(1);

    await page.getByLabel(/Search|Rechercher/).fill('Malte');
    await expect.poll(() => entries.count()).toBe(1);
    await page.getByLabel(/Search|Rechercher/).fill('');
    await expect.poll(() => entries.count()).toBe(2);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'history.png') });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
    await article.close();
  });

  it('offers a sourced reply for a contradicted claim, in the page’s language', async () => {
    const page = await historyPage(session.browser);
    const reply = page.locator('button.reply').first();
    await reply.waitFor({ timeout: 10_000 });
    const text = await reply.getAttribute('data-reply');
    expect(text).toMatch(/inexact/);
    expect(text).toMatch(/Parquet de Paris|BFM/);
    expect(text!.length).toBeLessThanOrEqual(420);
    await page.close();
  });

  it('exports CSV and JSON-LD ClaimReview files that parse and name the source', async () => {
    const page = await historyPage(session.browser);
    await page.getByTestId('history-entry').first().waitFor({ timeout: 10_000 });

    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /CSV/ }).click(),
    ]);
    const csv = readFileSync((await csvDownload.path())!, 'utf8');
    const rows = parseCsv(csv.replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual([
      'checked_at',
      'kind',
      'url',
      'title',
      'verdict',
      'claim',
      'reason',
      'fact_id',
      'source_id',
      'source_passage',
    ]);
    expect(rows.some((r) => r[4] === 'contradicted' && r[5]!.includes('32 051'))).toBe(true);

    const [jsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /JSON-LD/ }).click(),
    ]);
    const doc = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8')) as {
      '@context': string;
      '@graph': {
        '@type': string;
        claimReviewed: string;
        reviewRating: { alternateName: string };
        citation?: { publisher?: { name: string } };
        itemReviewed: { '@type': string };
      }[];
    };
    expect(doc['@context']).toBe('https://schema.org');
    const contradicted = doc['@graph'].find((r) => r.claimReviewed.includes('32 051'));
    expect(contradicted).toMatchObject({
      '@type': 'ClaimReview',
      reviewRating: { alternateName: 'Contradicted' },
    });
    expect(contradicted?.itemReviewed['@type']).toBe('Claim');
    expect(contradicted?.citation?.publisher?.name).toContain('Parquet de Paris');
    await page.close();
  });

  it('deletes an entry, then everything', async () => {
    const page = await historyPage(session.browser);
    const entries = page.getByTestId('history-entry');
    await expect.poll(() => entries.count(), { timeout: 10_000 }).toBe(2);
    await entries
      .first()
      .getByRole('button', { name: /Delete|Supprimer/ })
      .click();
    await expect.poll(() => entries.count()).toBe(1);
    const all = page.getByRole('button', { name: /Delete all|Tout supprimer/ });
    await all.click();
    await page.getByRole('button', { name: /Click again|Cliquez encore/ }).click();
    await expect.poll(() => entries.count()).toBe(0);
    await page.close();
  });
});
