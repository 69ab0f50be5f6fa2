/**
 * Writes apps/server/asyncapi.json from the event catalogue, or with --check fails when the
 * committed file differs from what the code generates (CI runs the check).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventCatalogueDocument } from '../src/event-catalogue.ts';

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, '../asyncapi.json');

export function generateAsyncApi(): string {
  return `${JSON.stringify(eventCatalogueDocument(), null, 2)}\n`;
}

if (import.meta.main) {
  const generated = generateAsyncApi();
  const name = relative(process.cwd(), target);
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(target, 'utf8');
    } catch {
      // missing counts as different
    }
    if (committed !== generated) {
      console.error(
        `${name} is out of date with the event catalogue: run \`npm run asyncapi\` and commit it.`,
      );
      process.exit(1);
    }
    console.log(`${name} is up to date.`);
  } else {
    writeFileSync(target, generated);
    console.log(`wrote ${name}`);
  }
}
