import type { LexiconPhrase } from './lexicon-phrase';

// Root-cause phrases (see lexicon.ts) for dependencies, data, time and security.

export const DEPENDENCY: readonly LexiconPhrase[] = [
  // "the vendor's API", "upstream schema change": a change made by someone outside the team.
  {
    re: "(?:vendor|provider|supplier|partner)(?:'s|s')? (?:api|service|system|platform|feed|update|change|release|maintenance|outage|side)",
    weight: 3.5,
  },
  {
    re: 'upstream (?:dependency|schema|api|format|contract|feed|team|provider|vendor|source)(?: change)?s?',
    weight: 3,
  },
  {
    re: '(?:changed|broke|modified) (?:the )?(?:schema|format|contract) without (?:notice|warning|telling)',
    weight: 3,
  },
  { re: 'third[- ]party', weight: 3 },
  { re: "vendor(?:s|'s)?", weight: 2.5 },
  { re: '(?:cloud|hosting|email|sms|dns|identity|cdn) providers?', weight: 3 },
  { re: 'payment providers?', weight: 2 },
  { re: "providers?(?:'s)?", weight: 1 },
  { re: '(?:vendor|provider|partner|third[- ]party)[- ]side', weight: 3 },
  { re: 'api outage', weight: 2 },
  { re: 'upstream(?! (?:block|config\\w*|servers?|connections?|http|client))', weight: 1 },
  { re: 'external (?:service|api|provider|dependency)', weight: 2.5 },
  { re: 'their (?:api|service|status page|side|platform|infrastructure|incident)', weight: 3 },
  { re: 'status page', weight: 1 },
  { re: 'dependenc(?:y|ies)', weight: 1.5 },
  {
    re: '(?:library|package|sdk|client library) (?:upgrade|update|version|bump)|upgraded? (?:the )?\\w+ (?:library|package|sdk)',
    weight: 2.5,
  },
  { re: 'library|sdk', weight: 1 },
  { re: 'managed (?:service|database|kafka|redis)', weight: 2 },
  {
    re: '(?:regional|region-wide|provider|aws|gcp|azure) outage|outage (?:at|of|in) (?:aws|gcp|azure|our provider|the provider)',
    weight: 3,
  },
  {
    re: 'aws|gcp|azure|cloudflare|stripe|twilio|okta|github|s3|sendgrid|auth0|fastly|akamai',
    weight: 1,
  },
  { re: 'deprecat\\w*|breaking change|api change', weight: 2 },
  { re: 'saas|partner (?:api|service)', weight: 1.5 },
];

export const DATA: readonly LexiconPhrase[] = [
  { re: '(?:data|database|schema) migrations?', weight: 3 },
  { re: 'migration', weight: 1.5 },
  { re: 'schema(?: change)?', weight: 2.5 },
  { re: 'corrupt(?:ed|ion|s)?', weight: 3 },
  { re: '(?:data|referential) integrity', weight: 3 },
  { re: 'backfill(?:ed|ing)?', weight: 1.5 },
  {
    re: 'dropped (?:a |the )?(?:table|column|index)|drop table|truncated (?:a |the )?table',
    weight: 3,
  },
  { re: 'duplicat(?:e|ed|es|ion)', weight: 1.5 },
  { re: 'inconsisten(?:t|cy|cies)', weight: 2 },
  {
    re: '(?:bad|malformed|invalid|unexpected) (?:data|records?|rows?|input|payload)',
    weight: 2.5,
  },
  { re: 'columns?|foreign key|constraint', weight: 1.5 },
  { re: 'data loss|lost data|deleted (?:rows|records|data)', weight: 1.5 },
  { re: 'encoding|utf-?8|unicode', weight: 1.5 },
  { re: 'checksum (?:error|mismatch|failure)s?', weight: 3 },
  { re: 'diverg(?:ed|ence|ent)|split histor(?:y|ies)', weight: 2.5 },
  {
    re: '(?:replay|replication|apply(?:ing)?) (?:had )?(?:stopped|paused|broke|halted)|stopped (?:applying|replaying)',
    weight: 2.5,
  },
  { re: 'collisions?|reissued|re-issued', weight: 1.5 },
  { re: 'etl|pipeline job|batch job', weight: 1.5 },
  { re: 'replication lag|replica', weight: 1 },
  { re: 'index(?:es)? (?:rebuild|corrupt|missing)|missing index', weight: 2 },
];

export const TIME: readonly LexiconPhrase[] = [
  { re: 'clocks?', weight: 2.5 },
  { re: 'clock (?:skew|drift)|time (?:skew|drift)', weight: 3.5 },
  { re: 'certificates?|certs?', weight: 2.5 },
  { re: 'expir(?:ed|y|ation|es|ing)', weight: 1.2 },
  {
    re: '(?:cert\\w*|certificates?|tls|ssl|domains?|tokens?|licen[cs]es?|passwords?|credentials?)(?: \\w+)? (?:had |has )?expir(?:ed|y|ation|es|ing)|expir(?:ed|y|ation|ing) (?:of )?(?:the |a |its |our )?(?:\\w+ )?(?:cert\\w*|certificates?|tls|ssl|domains?|tokens?|licen[cs]es?)',
    weight: 3.5,
  },
  { re: 'leap (?:second|year|day)', weight: 3.5 },
  { re: 'time ?zones?|utc offset', weight: 3 },
  { re: 'dst|daylight saving', weight: 3.5 },
  { re: 'ntp|chrony', weight: 3 },
  { re: 'y2k|2038', weight: 3 },
  {
    re: '(?:renew(?:al|ed|s)?|rotat(?:ion|ed|e)) (?:of )?(?:the )?(?:\\w+ )?(?:cert\\w*|certificate|domain|token|license|key)s?|auto-?renew\\w*',
    weight: 2.5,
  },
  { re: 'clocks? (?:went|go|goes|moved?) (?:back|forward)|summer time|winter time', weight: 3 },
  { re: 'date (?:parsing|math|handling|arithmetic)|calendar', weight: 2 },
  { re: 'timestamps?', weight: 1 },
  { re: 'midnight', weight: 1 },
];

export const SECURITY: readonly LexiconPhrase[] = [
  // "key was committed", "token pushed to a public repository".
  {
    re: '(?:keys?|tokens?|secrets?|credentials?|passwords?) (?:was|were|had been|got) (?:committed|pushed|published|exposed|leaked|posted)',
    weight: 3.5,
  },
  {
    re: 'committed (?:a |an |the )?(?:\\w+ )?(?:key|token|secret|credential|password)s?',
    weight: 3.5,
  },
  { re: 'public (?:repo(?:sitory)?|gist|bucket)', weight: 2 },
  // "stored in plain text", "a long-lived publish token": how access leaked.
  { re: '(?:stored|kept|saved|written) in (?:plain|clear) ?text', weight: 3 },
  { re: '(?:long[- ]lived|publish(?:ing)?|personal access|registry) tokens?', weight: 2 },
  { re: 'secret[- ]scanning|(?:deploy|ssh|private|signing) keys?', weight: 2.5 },
  { re: 'attack(?:s|er|ers|ed)?', weight: 3 },
  { re: 'ddos|denial[- ]of[- ]service', weight: 3.5 },
  { re: 'credential(?:s)?(?: stuffing| leak)?', weight: 2.5 },
  { re: 'compromis(?:e|ed|ing)', weight: 3 },
  {
    re: '(?:leaked|exposed|stolen) (?:keys?|tokens?|secrets?|credentials|passwords?)',
    weight: 3.5,
  },
  { re: 'phishing|malware|ransomware|malicious', weight: 3 },
  { re: 'vulnerabilit(?:y|ies)|exploit(?:ed|s)?|cve-\\d+', weight: 3 },
  { re: 'unauthori[sz]ed', weight: 2.5 },
  { re: 'brute[- ]force|stuffing|botnet|bot traffic|scraper', weight: 3 },
  { re: 'supply[- ]chain', weight: 3 },
  { re: 'secrets?|api keys?|access keys?', weight: 1.5 },
  { re: 'breach|intrusion|exfiltrat\\w*', weight: 3 },
  { re: 'security', weight: 1.5 },
];
