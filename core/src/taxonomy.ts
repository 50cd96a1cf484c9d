/** A root-cause category of the taxonomy. */
export interface Category {
  id: string;
  label: string;
  description: string;
}

/**
 * The default root-cause taxonomy. Triggers (what set an incident off) are kept apart from root
 * causes, as in Google's published postmortem data; `manual-operation` is named so it stays blameless.
 */
export const DEFAULT_CATEGORIES: readonly Category[] = [
  {
    id: 'config-change',
    label: 'Configuration change',
    description: 'A configuration push or setting that was wrong.',
  },
  {
    id: 'code-defect',
    label: 'Code defect',
    description: 'A latent software bug: overflow, race, leak, wrong limit.',
  },
  {
    id: 'deploy',
    label: 'Deployment',
    description: 'A release or rollout that went wrong, or rolled out too fast or too wide.',
  },
  {
    id: 'capacity',
    label: 'Capacity',
    description: 'Load beyond what was provisioned, resource exhaustion, thundering herds.',
  },
  {
    id: 'cascading-failure',
    label: 'Cascading failure',
    description: 'A failure that spread through retries, timeouts or shared resources.',
  },
  {
    id: 'dependency',
    label: 'Dependency',
    description: 'A third-party, vendor, cloud or upstream service or library.',
  },
  { id: 'hardware', label: 'Hardware', description: 'Hardware, power or facility failure.' },
  { id: 'network', label: 'Network', description: 'Network, DNS, routing or load balancers.' },
  { id: 'data', label: 'Data', description: 'Data migration, corruption, integrity or schema.' },
  {
    id: 'time',
    label: 'Time',
    description: 'Clocks, certificates, expiry, leap seconds, time zones.',
  },
  {
    id: 'security',
    label: 'Security',
    description: 'Attacks, compromised credentials, supply chain.',
  },
  {
    id: 'manual-operation',
    label: 'Manual operation',
    description: 'A manual step or script run by a person.',
  },
  { id: 'unknown', label: 'Unknown', description: 'Not yet determined.' },
];

/** A severity level; the first is the most severe. */
export interface Severity {
  id: string;
  description: string;
}

export const DEFAULT_SEVERITIES: readonly Severity[] = [
  { id: 'SEV1', description: 'Critical: a full outage, data loss, or most users affected.' },
  { id: 'SEV2', description: 'Major: a core feature down or many users affected.' },
  { id: 'SEV3', description: 'Minor: a degraded feature or a small share of users affected.' },
  { id: 'SEV4', description: 'Low: little or no user impact; a near miss worth learning from.' },
];

export const STATUSES = ['draft', 'in-review', 'published'] as const;
export type Status = (typeof STATUSES)[number];

export const ACTION_KINDS = ['prevent', 'detect', 'mitigate', 'process'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/**
 * Words and phrases people search with for each default category, beyond its id and label (search
 * maps them to the category: "disk full" finds capacity incidents). Custom categories are found by
 * their id and label only.
 */
export const CATEGORY_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  'config-change': [
    'configuration change',
    'config change',
    'misconfiguration',
    'misconfigured',
    'config push',
    'bad config',
    'wrong setting',
    'feature flag',
  ],
  'code-defect': [
    'bug',
    'software bug',
    'regression',
    'race condition',
    'memory leak',
    'overflow',
    'null pointer',
    'deadlock',
    'latent bug',
  ],
  deploy: ['deployment', 'release', 'rollout', 'bad deploy', 'canary', 'rollback', 'rolled back'],
  capacity: [
    'disk full',
    'out of disk',
    'out of memory',
    'oom',
    'exhaustion',
    'exhausted',
    'starvation',
    'saturation',
    'saturated',
    'overload',
    'overloaded',
    'thundering herd',
    'stampede',
    'resource exhaustion',
    'quota',
    'rate limit',
  ],
  'cascading-failure': ['cascade', 'cascading', 'retry storm', 'domino', 'knock-on'],
  dependency: [
    'third party',
    'vendor',
    'upstream',
    'cloud provider',
    'provider outage',
    'external service',
  ],
  hardware: [
    'hardware failure',
    'power',
    'power outage',
    'power supply',
    'disk failure',
    'datacenter',
    'data center',
    'facility',
  ],
  network: [
    'dns',
    'bgp',
    'routing',
    'load balancer',
    'network partition',
    'packet loss',
    'firewall',
    'connectivity',
  ],
  data: ['data loss', 'data corruption', 'corruption', 'migration', 'schema', 'integrity'],
  time: [
    'expired certificate',
    'certificate expiry',
    'cert expired',
    'tls certificate',
    'clock skew',
    'leap second',
    'time zone',
    'timezone',
    'expiry',
    'expired',
  ],
  security: [
    'attack',
    'ddos',
    'breach',
    'leaked credentials',
    'compromised',
    'credential leak',
    'ransomware',
    'phishing',
    'supply chain',
  ],
  'manual-operation': [
    'human error',
    'operator error',
    'manual step',
    'manual change',
    'script',
    'fat finger',
    'typo in command',
  ],
  unknown: ['undetermined', 'unknown cause'],
};

/** Words people search with for each default severity level, beyond its id ("sev 1" finds SEV1). */
export const SEVERITY_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  SEV1: ['sev 1', 'sev-1', 'severity 1', 'p1', 'critical'],
  SEV2: ['sev 2', 'sev-2', 'severity 2', 'p2', 'major'],
  SEV3: ['sev 3', 'sev-3', 'severity 3', 'p3', 'minor'],
  SEV4: ['sev 4', 'sev-4', 'severity 4', 'p4'],
};
