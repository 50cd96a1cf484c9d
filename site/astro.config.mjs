// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { loadWorkspace } from '@hindsight/cli/files';

const root = fileURLToPath(new URL('..', import.meta.url));
const { config } = loadWorkspace(root);

export default defineConfig({
  site: process.env.HINDSIGHT_SITE_URL ?? config.site.url,
  trailingSlash: 'ignore',
  integrations: [sitemap()],
  server: { host: '127.0.0.1' },
  devToolbar: { enabled: false },
  vite: { server: { fs: { allow: [root] } } },
});
