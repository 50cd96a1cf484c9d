// Generates synthetic postmortem libraries of realistic size and structure with a fixed seed:
// bench/.data/lib-<N>/postmortems/*.md, each about 3-4 KB with front matter, every section, a
// 8-20 entry timeline, 3-8 action items and lessons learned. Also bench/.data/long.md, one
// 2,000-line postmortem for editor latency. Usage: node bench/generate.mjs 1000 10000
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DATA = fileURLToPath(new URL('./.data/', import.meta.url));

/** mulberry32: a small, fast PRNG; the same seed gives the same library on every machine. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = [
  'config-change',
  'code-defect',
  'deploy',
  'capacity',
  'cascading-failure',
  'dependency',
  'hardware',
  'network',
  'data',
  'time',
  'security',
  'manual-operation',
  'unknown',
];
const SERVICES = [
  'checkout',
  'payments',
  'search',
  'auth',
  'orders-db',
  'session-kv',
  'api-gateway',
  'cdn',
  'notifications',
  'billing',
  'scheduler',
  'logging',
  'catalogue',
  'inventory',
  'dns',
  'edge-proxy',
];
const OWNERS = [
  'ana',
  'ben',
  'chen',
  'dana',
  'eli',
  'femi',
  'grace',
  'hana',
  'ivan',
  'kim',
  'li',
  'marta',
  'noor',
  'omar',
  'priya',
  'rui',
];
const VERBS = [
  'restarts',
  'fails over',
  'saturates',
  'times out',
  'recovers',
  'is rolled back',
  'pages on-call',
  'drops connections',
  'reaches its limit',
  'is scaled up',
];
const NOUNS = [
  'the primary database',
  'the cache cluster',
  'the load balancer',
  'the deploy pipeline',
  'the payment provider',
  'the DNS resolvers',
  'the job scheduler',
  'the edge proxies',
  'the message queue',
  'the certificate',
];
const WORDS =
  'latency error rate retries timeout capacity rollout config replica queue backlog throttle alert dashboard runbook failover quota leak lock index migration certificate expiry DNS partition cache stampede herd budget canary'.split(
    ' ',
  );

function sentence(r, n = 14) {
  const words = Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]);
  return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
}
const pick = (r, list) => list[Math.floor(r() * list.length)];
/** Incident-specific names (hosts, error codes, change ids): real libraries keep gaining words. */
const host = (r) => `${pick(r, SERVICES)}-${Math.floor(r() * 0xfffff).toString(36)}`;
const code = (r) => `E${Math.floor(r() * 1e6)}`;
const change = (r) => `CHG-${Math.floor(r() * 1e6)}`;

/**
 * One postmortem. `markup` writes the same postmortem with a link in every timeline entry and
 * action item and an escape in the front matter's title, which the fast line and YAML readers
 * leave to the Markdown parser and to yaml: the library that costs the most to read.
 */
export function postmortem(r, i, markup = false) {
  const year = 2019 + Math.floor(r() * 8);
  const month = 1 + Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const startMin = Math.floor(r() * 20 * 60);
  const at = (m) =>
    `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const iso = (m) => `${date}T${at(m)}:00Z`;
  const ttd = 1 + Math.floor(r() * 40);
  const ttm = ttd + 5 + Math.floor(r() * 180);
  const services = [
    ...new Set(Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(r, SERVICES))),
  ];
  const cause = pick(r, CATEGORIES);
  const entries = 8 + Math.floor(r() * 13);
  const timeline = [];
  let m = startMin;
  for (let k = 0; k < entries; k++) {
    const link = markup ? ` ([graph](https://grafana.example.com/d/incident-${i + 1}?t=${k}))` : '';
    timeline.push(
      `- ${at(m)} UTC ${pick(r, NOUNS).replace(/^./, (c) => c.toUpperCase())} ${pick(r, VERBS)}; ${sentence(r, 8).toLowerCase()}${link}`,
    );
    m += 1 + Math.floor(r() * ((ttm + 30) / entries));
  }
  const kinds = ['prevent', 'detect', 'mitigate', 'process'];
  const actions = Array.from({ length: 3 + Math.floor(r() * 6) }, (_, k) => {
    const done = r() < 0.5;
    const dueYear = year + (r() < 0.7 ? 0 : 1);
    const due = `${dueYear}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    const what = sentence(r, 7).slice(0, -1);
    return `- [${done ? 'x' : ' '}] ${markup ? `${what} ([runbook](https://wiki.example.com/runbooks/${k}))` : what} @${pick(r, OWNERS)} due:${due} #${k === 0 ? 'prevent' : pick(r, kinds)} OPS-${1000 + Math.floor(r() * 9000)}`;
  });
  return [
    '---',
    `title: "${pick(r, NOUNS).replace(/^./, (c) => c.toUpperCase())} ${pick(r, VERBS)}${markup ? ' \\"again\\"' : ''} (incident ${i + 1})"`,
    `date: ${date}`,
    'status: published',
    `severity: SEV${1 + Math.floor(r() * 4)}`,
    `root_cause: ${cause}`,
    `contributing: [${
      r() < 0.5
        ? pick(
            r,
            CATEGORIES.filter((c) => c !== cause),
          )
        : ''
    }]`,
    `trigger: "${sentence(r, 6).slice(0, -1)} on ${host(r)}"`,
    `services: [${services.join(', ')}]`,
    `authors: [${pick(r, OWNERS)}, ${pick(r, OWNERS)}]`,
    `tags: [synthetic, ${pick(r, WORDS)}]`,
    `started: ${iso(startMin)}`,
    `detected: ${iso(startMin + ttd)}`,
    `mitigated: ${iso(startMin + ttm)}`,
    `resolved: ${iso(startMin + ttm + 30)}`,
    'impact:',
    `  users_affected: ${Math.floor(r() * 100000)}`,
    '---',
    '',
    `# Incident ${i + 1}`,
    '',
    '## Summary',
    '',
    `${sentence(r, 30)} ${sentence(r, 25)} Hosts ${host(r)} and ${host(r)} logged ${code(r)}.`,
    '',
    '## Impact',
    '',
    `${sentence(r, 25)}`,
    '',
    '## Timeline',
    '',
    ...timeline,
    '',
    '## Root Cause',
    '',
    `${sentence(r, 40)} Change ${change(r)} on ${host(r)} raised ${code(r)}. ${sentence(r, 30)}`,
    '',
    `${sentence(r, 30)}`,
    '',
    '## Resolution',
    '',
    `${sentence(r, 30)}`,
    '',
    '## Action Items',
    '',
    ...actions,
    '',
    '## Lessons Learned',
    '',
    '### What went well',
    '',
    `- ${sentence(r, 12)}`,
    '',
    '### What went wrong',
    '',
    `- ${sentence(r, 12)}`,
    '',
    '### Where we got lucky',
    '',
    `- ${sentence(r, 10)}`,
    '',
  ].join('\n');
}

/**
 * A 2,000-line postmortem: a long timeline and many action items, as after a multi-day outage.
 * `markup` puts a link in every line of it (timeline entries, action items, lessons), which the
 * line reader leaves to the Markdown parser.
 */
export function longPostmortem(markup = false) {
  const r = rng(7);
  const base = postmortem(r, 0, markup).split('\n');
  const link = (k) => (markup ? ` ([log](https://logs.example.com/q/${k}))` : '');
  const timelineAt = base.indexOf('## Timeline') + 2;
  const extra = [];
  for (let k = 0; extra.length < 1700; k++) {
    if (k % 60 === 0)
      extra.push('', `### 2024-03-${String(1 + Math.floor(k / 60)).padStart(2, '0')}`, '');
    extra.push(
      `- ${String(Math.floor((k % 60) / 3)).padStart(2, '0')}:${String((k * 7) % 60).padStart(2, '0')} UTC ${sentence(r, 12)}${link(k)}`,
    );
  }
  const lines = [...base.slice(0, timelineAt), ...extra, ...base.slice(timelineAt)];
  // The rest: more lessons, one bullet each, as a long review collects them.
  while (lines.length < 2000) lines.push(`- ${sentence(r, 14)}${link(lines.length)}`);
  return lines.slice(0, 2000).join('\n');
}

export function generate(count, markup = false) {
  const dir = path.join(DATA, `lib-${count}${markup ? '-markup' : ''}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'postmortems'), { recursive: true });
  const r = rng(42);
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const text = postmortem(r, i, markup);
    bytes += text.length;
    writeFileSync(path.join(dir, 'postmortems', `${String(i).padStart(5, '0')}-incident.md`), text);
  }
  return { dir, bytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync(DATA, { recursive: true });
  writeFileSync(path.join(DATA, 'long.md'), longPostmortem());
  writeFileSync(path.join(DATA, 'long-markup.md'), longPostmortem(true));
  // `--markup` also writes each library with links in every list item, as lib-<N>-markup.
  const markup = process.argv.includes('--markup');
  for (const n of process.argv.slice(2).map(Number).filter(Boolean)) {
    for (const flavour of markup ? [false, true] : [false]) {
      const { dir, bytes } = generate(n, flavour);
      console.log(
        `${n} postmortems in ${dir} (${(bytes / n / 1024).toFixed(1)} KB each on average)`,
      );
    }
  }
}
