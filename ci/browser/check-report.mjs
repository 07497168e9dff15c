// Opens a strata report in Debian's Chromium (headless, through playwright-core) and prints, as JSON,
// what a reader sees: the graph's drawn nodes, the visible node rows, package rows, file rows and
// change sections, before and after typing each FILTER into the filter box, and with the first
// FILTER given in the address (#filter=). Also the page's script errors and any request that is not
// the file itself (a self-contained page makes none). Writes a full-page screenshot.
//     node check-report.mjs REPORT.html SCREENSHOT.png FILTER...
// STRATA_CHROMIUM names another Chromium (default /usr/bin/chromium).
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';

const [report, screenshot, ...filters] = process.argv.slice(2);
if (!report || !screenshot) {
  console.error('usage: node check-report.mjs REPORT.html SCREENSHOT.png FILTER...');
  process.exit(2);
}
const address = pathToFileURL(report).href;
const browser = await chromium.launch({
  executablePath: process.env.STRATA_CHROMIUM || '/usr/bin/chromium',
  // Without these, Chromium reaches for Google's services at start, which a closed network refuses.
  args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

async function seen(page) {
  return page.evaluate(() => {
    const shown = (selector, attribute) => Array.from(document.querySelectorAll(selector))
      .filter((e) => e.checkVisibility())
      .map((e) => attribute ? e.getAttribute(attribute) : e.cells[0].textContent);
    return {
      filter: document.getElementById('filter').value,
      graph: Array.from(document.querySelectorAll('figure.graph svg g[data-node]'))
        .filter((g) => { const box = g.getBBox(); return box.width > 0 && box.height > 0; })
        .map((g) => g.getAttribute('data-node') + (g.getAttribute('opacity') === '0.2' ? ' (dimmed)' : '')),
      nodes: shown('#nodes tbody tr', 'data-node'),
      packages: shown('table.packages tbody tr'),
      files: shown('table.files tbody tr'),
      sections: shown('section.changes', 'data-node'),
      tables: shown('section.changes table', 'class'),
      count: document.getElementById('shown').textContent,
    };
  });
}

try {
  const errors = [];
  const requests = [];
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('request', (request) => { if (request.url().split('#')[0] !== address) requests.push(request.url()); });
  await page.goto(address);
  const result = { initial: await seen(page), filters: {}, errors, requests };
  await page.screenshot({ path: screenshot, fullPage: true });
  for (const filter of filters) {
    await page.fill('#filter', filter);
    result.filters[filter] = await seen(page);
  }
  if (filters.length > 0) {
    const linked = await browser.newPage();
    linked.on('pageerror', (error) => errors.push(String(error)));
    await linked.goto(address + '#filter=' + encodeURIComponent(filters[0]));
    result.linked = await seen(linked);
  }
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}
