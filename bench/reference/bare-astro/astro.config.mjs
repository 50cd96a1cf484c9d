// @ts-check
// The reference for the site build (issue 19): bare Astro over the same Markdown, nothing else.
// Built with the repository's node_modules: astro build --root bench/reference/bare-astro
import { defineConfig } from 'astro/config';

export default defineConfig({ devToolbar: { enabled: false } });
