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
  vite: { server: { fs: { allow: [root] } } },
});
