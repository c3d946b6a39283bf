// Bundles ODK's XForms engine (@getodk/xforms-engine, at the version of package-lock.json) into one browser module
// (ESM: the engine starts with top-level await), for two uses:
//   node build.mjs [output file]   src/beacon-odk.js for devstack's Chromium tests (OdkEngine builds it on first use,
//                                  default dist/beacon-odk.js; never committed)
//   node build.mjs --collector     src/collector.js, the browser collector of campaign-service, written to
//                                  campaign-service/src/main/resources/collector/beacon-collector.js. That file is
//                                  committed, so campaign-service builds without Node; CollectorBundleIT (devstack)
//                                  rebuilds it from the lock file and fails when the committed bytes differ.
import { build } from 'esbuild';

const collector = process.argv[2] === '--collector';
const entry = collector ? './src/collector.js' : './src/beacon-odk.js';
const outfile = collector
  ? (process.argv[3] ?? new URL('../../campaign-service/src/main/resources/collector/beacon-collector.js',
    import.meta.url).pathname)
  : (process.argv[2] ?? 'dist/beacon-odk.js');
await build({
  entryPoints: [new URL(entry, import.meta.url).pathname],
  absWorkingDir: new URL('.', import.meta.url).pathname,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  // The collector is served to the public: it keeps the licence notices of what it bundles.
  legalComments: collector ? 'eof' : 'none',
  logLevel: 'warning',
  outfile,
});
console.log(`bundled ${outfile}`);
