// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { publishing, repoRoot, siteWorkspace } from './src/lib/workspace';

const root = repoRoot;
const { config } = siteWorkspace();
// site.url / site.base of hindsight.json, or HINDSIGHT_SITE_URL / HINDSIGHT_BASE: every link,
// asset, feed item, sitemap entry and canonical URL follows them.
const { url, base } = publishing(config);

export default defineConfig({
  site: url,
  base,
  trailingSlash: 'ignore',
  integrations: [sitemap()],
  server: { host: '127.0.0.1' },
  devToolbar: { enabled: false },
  // Pages are rendered four at a time: rendering one takes about as long as writing it, and with
  // one at a time (Astro's default) the build waited on each page's write (the page phase of a
  // 5,000-postmortem build was idle 70% of the time). The output is the same byte for byte.
  build: { concurrency: 4 },
  vite: { server: { fs: { allow: [root] } } },
});
