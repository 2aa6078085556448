import { ALLOWED, classify, importVisitors, repoPath, zoneOf } from '../zones.mjs';

/**
 * Every import is classified by where it runs (lint/zones.mjs): a file may import only what runs in its
 * own environment — shared/ only 'either' code and packages, the renderer no Node built-in (by prefix:
 * 'fs/promises' too) and no backend package, the backend and workers nothing of the renderer or of
 * Electron, and no production file anything under test/. An npm package nobody classified is refused.
 */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Imports only what runs in the importing file\'s environment (lint/zones.mjs).' },
    schema: [],
    messages: {
      wrongEnv: "{{zone}} ({{env}}) may not import '{{spec}}' ({{target}}): {{why}}",
      unclassified: "'{{name}}' is not classified: add it to PACKAGES in lint/zones.mjs with the environment it needs.",
    },
  },
  create(context) {
    const file = context.filename;
    const zone = zoneOf(repoPath(file));
    if (!zone || zone.env === 'test') return {};
    return importVisitors((node, spec) => {
      const c = classify(file, spec);
      if (c.kind === 'unresolved') return;
      if (c.kind === 'unclassified') {
        context.report({ node, messageId: 'unclassified', data: { name: c.name } });
        return;
      }
      let target;
      let why;
      if (c.kind === 'file') {
        const tz = zoneOf(c.path);
        if (!tz) return; // resources and root files carry no code
        target = tz.env === 'test' ? 'test code' : `${tz.dir} — ${tz.env}`;
        if (tz.env === 'test') why = 'production code never imports tests, benchmarks or scripts';
        if (tz.env !== 'test' && ALLOWED[zone.env].includes(tz.env)) return;
      } else {
        if (ALLOWED[zone.env].includes(c.env)) return;
        target = c.env;
      }
      why ??= WHY[zone.env];
      context.report({ node, messageId: 'wrongEnv', data: { zone: zone.dir, env: zone.env, spec, target, why } });
    });
  },
};

const WHY = {
  either: 'shared/ runs in the browser and in Node, so it uses neither Node, Electron nor the DOM',
  dom: 'the renderer is a web page: no Node, no Electron, no backend code or packages',
  node: 'Node-side code never imports the renderer or Electron (the hosts wire Electron in)',
  electron: 'the Electron shell never imports renderer code',
  preload: 'the preload is sandboxed: Electron\'s renderer API and shared/ only',
};
