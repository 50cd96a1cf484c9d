// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { repoRoot, siteWorkspace } from './src/lib/workspace';

const root = repoRoot;
const { config } = siteWorkspace();

export default defineConfig({
  site: process.env.HINDSIGHT_SITE_URL ?? config.site.url,
  trailingSlash: 'ignore',
  integrations: [sitemap()],
  server: { host: '127.0.0.1' },
  devToolbar: { enabled: false },
  vite: { server: { fs: { allow: [root] } } },
});
