// The report as a browser shows and prints it: every report given on the command line is opened in Debian's
// headless Chromium, checked by axe-core against WCAG 2.1 A and AA (what Norwegian law asks of what a
// municipality publishes), and printed to PDF on A4. Prints one line per report and every violation with the
// element it is in; exits 1 on any violation, 2 when the browser cannot be driven.
//
// Usage: node check.mjs OUT_DIR REPORT.html...   (writes OUT_DIR/NAME.pdf for each report)

import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const [outDir, ...reports] = process.argv.slice(2);
if (!outDir || reports.length === 0) {
    console.error('usage: node check.mjs OUT_DIR REPORT.html...');
    process.exit(2);
}

const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    // As root in CI, without the network: no sandbox, nothing fetched in the background.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
});
let violations = 0;
try {
    for (const report of reports) {
        const page = await browser.newPage();
        await page.goto('file://' + resolve(report));
        await page.addScriptTag({ path: axePath });
        const result = await page.evaluate(() => axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
            resultTypes: ['violations'],
        }));
        const pdf = join(outDir, basename(report, '.html') + '.pdf');
        await page.emulateMedia({ media: 'print' });
        await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
        console.log(`${report}: ${result.violations.length} violations, ${result.passes.length} rules passed; ${pdf}`);
        for (const v of result.violations) {
            violations += 1;
            console.log(`  ${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`);
            for (const node of v.nodes.slice(0, 5)) {
                console.log(`    ${node.target.join(' ')}: ${node.failureSummary.replace(/\n/g, ' ')}`);
            }
            if (v.nodes.length > 5) {
                console.log(`    … and ${v.nodes.length - 5} more`);
            }
        }
        await page.close();
    }
} finally {
    await browser.close();
}
process.exit(violations > 0 ? 1 : 0);
