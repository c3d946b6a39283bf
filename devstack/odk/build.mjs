// Bundles src/beacon-odk.js with @getodk/xforms-engine into one browser module (ESM: the engine starts with top-level await) for Beacon's Chromium tests
// and collector page. Run by the tests themselves (OdkEngine in devstack) after `npm ci`; the output is never
// committed. Usage: node build.mjs [output file], default dist/beacon-odk.js.
import { build } from 'esbuild';

const outfile = process.argv[2] ?? 'dist/beacon-odk.js';
await build({
  entryPoints: [new URL('./src/beacon-odk.js', import.meta.url).pathname],
  absWorkingDir: new URL('.', import.meta.url).pathname,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  outfile,
});
console.log(`bundled ${outfile}`);
