import type { LexiconPhrase } from './lexicon-phrase';

// Root-cause phrases (see lexicon.ts) for what a system runs on: capacity, cascading failure, hardware, network.

export const CAPACITY: readonly LexiconPhrase[] = [
  {
    re: 'ran out of room|(?:share|allocation|pool|budget|allowance) (?:was|were|had been) used up|connection limits?',
    weight: 3,
  },
  // "quota exceeded", "hit the rate limit".
  {
    re: '(?:quota|limit|allowance)s? (?:was |were |had been )?(?:exceeded|exhausted|reached|hit|used up)|(?:exceeded|exhausted|used up) (?:the |its |our |their )?(?:\\w+ )?(?:quota|allowance)s?',
    weight: 3.5,
  },
  { re: 'capacity', weight: 2.5 },
  {
    re: 'ran out of (?:disk|memory|space|connections|inodes|file descriptors|threads|workers|ips?|ip addresses|quota|headroom)',
    weight: 3.5,
    symptom: true,
  },
  { re: 'out of (?:memory|disk space|space|inodes)', weight: 3, symptom: true },
  { re: 'oom(?:[- ]?killed|killer|s)?', weight: 3, symptom: true },
  {
    re: 'disks? (?:full|filled|space)|filled (?:up )?the disks?|full disks?',
    weight: 3,
    symptom: true,
  },
  { re: 'exhaust(?:ed|ion|ing)?', weight: 2, symptom: true },
  {
    re: 'no space left|(?:volume|disk|partition|filesystem)s? (?:filled|was full|were full|reached 100\\s?%)|filled up|fill(?:s|ing)? up',
    weight: 3,
    symptom: true,
  },
  {
    re: '(?:never|not) resized|(?:could not|couldn.t|unable to|cannot|can.t) scale(?: past| beyond)?|scale past',
    weight: 3,
  },
  {
    re: '(?:\\w+ )?times (?:the )?(?:usual|normal|typical)(?: \\w+)? (?:rate|load|traffic|volume)',
    weight: 2.5,
  },
  { re: 'ceiling|partition count', weight: 2 },
  { re: 'saturat(?:ed|ion|ing)', weight: 2, symptom: true },
  { re: 'thundering herd|stampede', weight: 3 },
  {
    re: '(?:traffic|load|request) (?:spike|surge|peak)s?|spike in (?:traffic|load|requests)|surge in',
    weight: 2.5,
  },
  { re: 'peak (?:traffic|load|hour|season|day)', weight: 2 },
  { re: 'connection pools?', weight: 2 },
  { re: 'headroom', weight: 2.5 },
  { re: 'under-?provisioned|over-?subscribed|undersized', weight: 3 },
  { re: 'sized for|provisioned for', weight: 2.5 },
  {
    re: '(?:fell over|collapsed|buckled|gave out|fell behind) (?:from|under) (?:the )?load',
    weight: 2.5,
  },
  { re: 'quotas?', weight: 1.5 },
  { re: 'inodes?', weight: 3 },
  { re: 'heap', weight: 1.5, symptom: true },
  { re: 'file descriptors?', weight: 2, symptom: true },
  { re: 'max(?:imum)?[ _]connections', weight: 2 },
  { re: '(?:cpu|memory|disk) (?:usage|utili[sz]ation|pressure)', weight: 1.5, symptom: true },
  {
    re: '(?:hit|reached|exceeded) (?:the |its |their )?(?:limit|maximum|ceiling|max)',
    weight: 2,
  },
  { re: 'autoscal\\w*', weight: 1 },
  { re: 'overload(?:ed)?', weight: 1.5 },
  { re: 'more (?:traffic|load|requests) than', weight: 2.5 },
  {
    re: 'launch(?:ed)? day|viral|flash sale|black friday|marketing (?:email|campaign)',
    weight: 2,
  },
  { re: 'backlog', weight: 1 },
  {
    re: '(?:disk|memory|cpu|heap|volume)s?[\\w ]{0,24}?(?:at|reached|hit|to) \\d{2,3} ?%|\\d{2,3} ?% (?:disk|memory|cpu|full|heap)',
    weight: 2.5,
    symptom: true,
  },
  { re: '(?:tripled|doubled|quadrupled|grew (?:\\w+ )?(?:fold|times))|growth rate', weight: 2 },
  { re: 'cpu (?:busy|bound|saturated|pegged)|kept the cpu busy', weight: 2.5, symptom: true },
  { re: 'compet(?:ed|ing) for|resource contention|starv(?:ed|ation)', weight: 2, symptom: true },
];

export const CASCADING_FAILURE: readonly LexiconPhrase[] = [
  // "retries amplified the load".
  {
    re: 'retr(?:y|ies) (?:amplified|multiplied|doubled|tripled)|amplified (?:the )?(?:load|traffic)',
    weight: 3.5,
  },
  { re: 'cascad(?:e|ed|es|ing)', weight: 3 },
  { re: 'retry storms?|storm of retries', weight: 3.5 },
  { re: 'retr(?:y|ies|ied|ying)', weight: 1.5 },
  { re: 'amplif(?:y|ied|ies|ication)', weight: 2 },
  { re: 'feedback loop|death spiral|metastable', weight: 3 },
  { re: 'knock-on|domino', weight: 2.5 },
  { re: 'spread (?:to|through|across)', weight: 2 },
  { re: 'circuit[- ]breakers?', weight: 2 },
  { re: '(?:exponential )?back-?off|jitter', weight: 2 },
  {
    re: 'shared (?:resource|dependency|pool|thread pool|connection pool|cluster|database)',
    weight: 2,
  },
  { re: 'timeouts? (?:piled|propagat|stacked)\\w*|piled up', weight: 2.5 },
  { re: 'blocked (?:threads|workers|requests)|thread pools? (?:exhausted|filled)', weight: 2 },
  { re: 'in turn', weight: 1 },
  { re: 'shared (?:\\w+ )?pools?', weight: 2.5 },
  {
    re: 'turned into (?:a|an) (?:site-wide|full|wider|complete|total)|site-wide outage',
    weight: 2.5,
  },
  { re: 'backed up|(?:threads|requests|callers) (?:waited|queued|piled)', weight: 2 },
  { re: '(?:began|started) to fail in the same way|fail(?:ed)? in the same way', weight: 3 },
];

export const HARDWARE: readonly LexiconPhrase[] = [
  { re: 'hardware', weight: 3 },
  {
    re: 'power (?:outage|failure|loss|supply|cut|feed|event)|lost power|loss of power',
    weight: 3.5,
  },
  { re: 'UPS', weight: 3, cs: true },
  {
    re: '(?:diesel|backup|standby|power) generators?|generators? (?:test|tests|failed|failure|start|started|did not start|fuel|transfer)',
    weight: 3,
  },
  // A bare "generator" is as often software (a report or traffic generator) as a power plant.
  {
    re: '(?<![-_/])(?<!(?:traffic|load|file|report|code|id|key|token|number|random|site) )generators?',
    weight: 1,
  },
  {
    re: '(?:disk|drive|ssd|hdd|nvme) (?:failure|failed|fault)s?|failed (?:disk|drive|ssd)s?',
    weight: 3,
  },
  { re: 'raid', weight: 2.5 },
  {
    re: '(?:raid|disk|storage|san|array) controllers?|san (?:array|fabric|switch)|storage array',
    weight: 3.5,
  },
  { re: 'firmware', weight: 2 },
  {
    re: '(?:failing|degrading|degraded|faulty|bad|dying|broken|failed) (?:nvme |ssd |hdd |disk |hard |storage )?(?:drive|disk|ssd|nvme|hardware|host|server|psu)s?',
    weight: 3.5,
  },
  { re: 'SMART', weight: 2.5, cs: true },
  { re: 'media errors?|reallocated sectors?|bad sectors?|sector count', weight: 3 },
  {
    re: '(?:disk|hard|nvme|ssd|flash|storage) drives?|drives? (?:failed|failure|errors?|replaced)|nvme',
    weight: 1.5,
  },
  { re: 'data ?cent(?:er|re)|facility|colo(?:cation)?', weight: 1.5 },
  { re: 'cooling|overheat\\w*|chiller|hvac|temperature', weight: 2.5 },
  { re: 'network (?:card|interface card)|\\bnic\\b|transceiver|optic', weight: 2 },
  { re: '(?:memory|dimm|ecc) (?:errors?|module|failure)|faulty (?:ram|memory)', weight: 3 },
  { re: 'batter(?:y|ies)', weight: 2 },
  { re: 'racks?', weight: 1.5 },
  { re: 'physical (?:host|server|machine)', weight: 2 },
  { re: 'bare[- ]metal', weight: 1 },
];

export const NETWORK: readonly LexiconPhrase[] = [
  { re: 'network(?:ing)?', weight: 1.5 },
  { re: 'dns', weight: 2.5 },
  { re: 'bgp', weight: 3.5 },
  { re: 'rout(?:e|es|ing)(?: table| leak)?', weight: 1.5 },
  { re: 'load[- ]balancers?', weight: 2 },
  { re: 'packet (?:loss|drops?)|dropped packets', weight: 3 },
  { re: 'mtu|fragment(?:ed|ation)|jumbo frames', weight: 3 },
  { re: 'firewall|security group|acl', weight: 2 },
  { re: 'network partition|split[- ]brain', weight: 3 },
  { re: 'connectivity', weight: 2 },
  { re: 'peering|transit|isp', weight: 2.5 },
  { re: 'resolvers?|nameservers?|name servers?', weight: 2.5 },
  { re: 'vpn|vpc|subnet|nat gateway', weight: 2 },
  { re: 'tcp|udp|tls handshake', weight: 1 },
  { re: 'switch(?:es)?|router|top-of-rack', weight: 1.5 },
  { re: 'cdn|edge', weight: 1 },
  { re: 'latency between|cross-region link|interconnect', weight: 2 },
];
