// The generated library (bench/generate.mjs), read by Astro's own glob loader: one entry per file,
// front matter as data, the body rendered by Astro's Markdown pipeline.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const base = process.env.HINDSIGHT_POSTMORTEMS;
if (!base)
  throw new Error(
    'Set HINDSIGHT_POSTMORTEMS to a folder of postmortems, e.g. bench/.data/lib-1000/postmortems',
  );

export const collections = {
  postmortems: defineCollection({ loader: glob({ pattern: '**/*.md', base }) }),
};
