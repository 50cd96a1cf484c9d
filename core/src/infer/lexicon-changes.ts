import type { LexiconPhrase } from './lexicon-phrase';

// Root-cause phrases (see lexicon.ts) for what people changed or did: configuration, code, deploys, manual operations.

export const CONFIG_CHANGE: readonly LexiconPhrase[] = [
  // A flag's rollout or targeting rule changed in its dashboard: the rule is configuration, not a release.
  {
    re: '(?:rollout|targeting|percentage) (?:rule|field|value|percentage)s?|(?:updated|changed|edited|set) the (?:rule|setting|value|percentage)|in the (?:flag|admin|feature[- ]flag) (?:dashboard|console|ui)',
    weight: 3,
  },
  // A setting changed to a new value: "lowered the per-client rate limit from 600 to 120".
  {
    re: '(?:lowered|raised|reduced|increased|changed|bumped|tightened|dropped|cut) (?:the |our |a )?(?:[\\w-]+ ){0,3}(?:rate limits?|limits?|timeouts?|thresholds?|ttls?|quotas?|settings?|pool sizes?|values?)(?: [^.]{0,60}?)? (?:from|to) \\d+',
    weight: 3,
  },
  {
    re: '(?:record|rule|setting|value|entry) (?:was |had been )?(?:replaced|overwritten) instead of',
    weight: 3,
  },
  // How other teams narrate a configuration change: "the filter update", "pushed a config".
  {
    re: '(?:filter|policy|rule ?set|blocklist|allowlist|block list|allow list|category list|acl|iam) (?:update|change|push)(?:s|d)?',
    weight: 3,
  },
  {
    re: '(?:pushed|rolled out|applied|shipped) (?:a|an|the) (?:new |bad |broken |faulty |updated )?(?:config(?:uration)?|settings?|policy|rule ?set|filter(?: list)?|flag)(?: change| update)?',
    weight: 3,
  },
  {
    re: 'config(?:uration)? (?:was|had been) (?:changed|pushed|updated|applied|edited)',
    weight: 3,
  },
  {
    re: '(?:policy|permission|role|grant)s? (?:was|were|had been) (?:changed|narrowed|removed|tightened|edited)',
    weight: 2.5,
  },
  {
    re: 'flag (?:was|had been) (?:turned on|turned off|switched on|enabled|disabled)',
    weight: 2.5,
  },
  { re: 'config(?:uration)? (?:change|push|update|rollout|error|mistake|drift)s?', weight: 3 },
  // "A change to the API gateway's rate-limit configuration", "a mistyped rate limit".
  {
    re: "change to (?:the |our |a )?(?:[\\w'’-]+ ){0,4}config(?:uration)?|(?:mistyped|fat-fingered|typo in the) (?:[\\w-]+ ){0,2}(?:rate limits?|limits?|values?|settings?|thresholds?|config(?:uration)?)",
    weight: 3,
  },
  { re: 'misconfigur\\w*', weight: 3 },
  {
    re: '(?:incorrect|wrong|bad|invalid|faulty|broken) (?:config(?:uration)?|setting|value|parameter|flag|rule|limit|threshold)s?',
    weight: 3,
  },
  { re: 'feature flags?', weight: 2.5 },
  {
    re: '(?:flag|rule|config(?:uration)?|policy|route|routing|targeting) definitions?',
    weight: 2.5,
  },
  {
    re: '(?:edge |cdn |firewall |routing |waf |proxy )?rules? (?:change|push|update)s?',
    weight: 3,
  },
  { re: 'wildcards?', weight: 2 },
  { re: '(?:meant|intended) to match|matched every', weight: 2.5 },
  { re: 'rule engine', weight: 1.5 },
  {
    re: '(?:waf|firewall|rate[- ]limit(?:ing)?|cdn|cache|caching|routing|proxy|redirect|rewrite) rules?',
    weight: 2.5,
  },
  {
    re: 'the (?:setting|option|parameter|flag) (?:was|had been) (?:added|set|changed|enabled|disabled|lowered|raised)',
    weight: 3,
  },
  { re: 'upstream (?:block|configuration|config)', weight: 2.5 },
  { re: 'settings?', weight: 1.5 },
  { re: 'registry entr(?:y|ies)', weight: 2 },
  {
    re: 'flag (?:change|definition|flip|config(?:uration)?|targeting|was (?:switched|flipped|enabled|turned))',
    weight: 2.5,
  },
  { re: 'targeting (?:rule|condition)s?', weight: 2 },
  { re: 'typo', weight: 1.5 },
  { re: 'config(?:uration)? (?:file|value|setting|key|map|option)s?', weight: 2 },
  { re: 'yaml', weight: 1 },
  { re: 'pushed (?:\\w+ )?(?:flag|config(?:uration)?|rule|definition|setting)s?', weight: 2.5 },
  {
    re: 'settings? (?:was|were|had been) (?:changed|wrong|incorrect|lowered|raised|set)',
    weight: 2.5,
  },
  {
    re: '(?:changed|lowered|raised|reduced|set) the (?:limit|threshold|timeout|ttl|value)',
    weight: 2,
  },
  { re: 'timeout (?:setting|value)', weight: 1.5 },
  { re: 'environment variables?', weight: 1.5 },
  { re: 'terraform|helm values?|ansible', weight: 1 },
  { re: '(?:allow|deny|block)[ -]?list', weight: 1.5 },
  {
    re: 'rules? (?:change|update|(?:was|were) (?:changed|added|updated|deployed|pushed|enabled))',
    weight: 2,
  },
  { re: 'default (?:value|setting)', weight: 1 },
  { re: 'config(?:uration)?', weight: 1 },
];

export const CODE_DEFECT: readonly LexiconPhrase[] = [
  // Input a change did not handle: "the slug was not URL-encoded", "did not escape quotes".
  {
    re: "(?:was|were|is|are|and) not (?:url-?)?(?:encoded|escaped|sanitized|sanitised|validated|normali[sz]ed)|(?:did not|didn't|does not|doesn't) (?:handle|escape|encode|validate|check for) ",
    weight: 3,
  },
  { re: 'bug', weight: 2.5 },
  { re: 'race conditions?|races?', weight: 3 },
  { re: '(?:without|not|never|did not|didn.t) releas(?:e|ed|ing)', weight: 3, exhausts: true },
  { re: 'returned early|new code', weight: 2 },
  {
    re: '(?:select|read|check)[- ]then[- ](?:update|write|act)|two separate statements|not atomic|non-atomic',
    weight: 3,
  },
  { re: 'idempoten\\w+', weight: 1.5 },
  {
    re: 'memory leak|leak(?:ed|ing)? (?:\\w+ )?(?:memory|connections|file descriptors|goroutines|threads|sockets)',
    weight: 3,
    exhausts: true,
  },
  { re: 'leak(?:s|ed|ing)?', weight: 2.5, exhausts: true },
  { re: '(?:integer |int32 |counter )?overflow(?:ed|s)?', weight: 3 },
  { re: 'int32|int64|32-bit', weight: 2 },
  {
    re: '(?:null|nil) (?:pointer|reference|dereference)|nullpointerexception|segfault',
    weight: 3,
  },
  { re: 'off-by-one', weight: 3 },
  { re: 'infinite loop|endless loop', weight: 3, exhausts: true },
  // A cache or queue that only grows: "a cache that was never evicted", "an unbounded buffer".
  {
    re: '(?:was|were|is|are) never (?:evicted|freed|cleaned up|trimmed|pruned|expired)|(?:without|no) (?:any )?eviction|unbounded (?:cache|queue|buffer|map|list|growth|memory)|grew without (?:bound|limit)',
    weight: 3,
    exhausts: true,
  },
  // A regular expression that backtracks exponentially on some inputs (ReDoS).
  {
    re: 'catastrophic(?:ally)? backtrack\\w*|backtrack(?:s|ed|ing)? (?:exponentially|catastrophically)|exponential backtracking|redos',
    weight: 3.5,
    exhausts: true,
  },
  { re: 'deadlock(?:ed|s)?', weight: 2.5 },
  {
    re: 'unhandled (?:exception|error|case)|(?:unhandled|uncaught) `?\\w*(?:exception|error)`?',
    weight: 3,
  },
  { re: 'edge case|corner case', weight: 2 },
  { re: 'logic (?:error|bug)|logical error', weight: 3 },
  { re: 'latent', weight: 2 },
  { re: 'code path', weight: 1.5 },
  { re: 'regression', weight: 1.5 },
  { re: 'defect', weight: 2.5 },
  {
    re: '(?:did not|didn.t|does not|doesn.t|failed to) (?:handle|check|account for|close|release)',
    weight: 2,
  },
  { re: 'n\\+1 quer(?:y|ies)', weight: 2.5 },
  { re: 'exception', weight: 1 },
  { re: 'stack trace|panic(?:ked|s)?', weight: 1.5 },
  {
    re: 'the (?:code|handler|function|method|parser|library code) (?:assumed|treated|returned|did not)',
    weight: 2,
  },
  { re: 'hard-?coded', weight: 1.5 },
  { re: 'wrong (?:index|variable|comparison|operator)', weight: 2.5 },
  { re: 'refactor(?:ing|ed|s)?', weight: 2 },
];

export const DEPLOY: readonly LexiconPhrase[] = [
  { re: 'deploy(?:ment|ed|ing|s)?', weight: 1.5 },
  { re: 'roll(?:ed)? ?out(?:s)?', weight: 2 },
  { re: 'rolled out (?:to|too)', weight: 2.5 },
  { re: '(?:new|bad|faulty) (?:release|build|version|binary)', weight: 2.5 },
  { re: 'release(?:d|s)?', weight: 1.5 },
  { re: 'canary', weight: 2 },
  { re: '(?:skipped|bypassed|without) (?:the )?(?:canary|staged rollout|staging)', weight: 3 },
  { re: 'binary push', weight: 3 },
  { re: 'pushed to (?:production|all)', weight: 2 },
  { re: '(?:to|across) all (?:regions|hosts|servers|clusters|nodes|pods) at once', weight: 3 },
  { re: 'too (?:fast|quickly|wide)', weight: 1.5 },
  { re: 'blue[- ]green|rolling (?:update|restart|deploy)', weight: 2 },
  // The pipeline let a release through: "promote-prod depends on deploy-staging but not on migrate-staging".
  {
    re: "promot(?:e|ed|ion)(?:[- ]prod(?:uction)?| to prod(?:uction)?)|(?:pipeline|job) (?:change|order(?:ing)?|dependenc(?:y|ies))|(?:job|step) (?:depends|depended) on|(?:did ?n[o'’]t|did not) block (?:the )?(?:promotion|release|deploy)",
    weight: 3,
  },
  { re: 'ci/cd|deploy pipeline|release pipeline', weight: 1.5 },
  // A release that went out before what it needed: "the pipeline did not wait for the migration".
  {
    re: "(?:pipeline|deploy(?:ment)?|release|rollout) (?:did ?n[o'’]t|did not|does not|doesn[’']t) wait|(?:deploy(?:ment)?|release|rollout|traffic switch) ran ahead of|deploy(?:ment)?[- ]process (?:defect|bug|gap|flaw)",
    weight: 3.5,
  },
  { re: 'version \\d+(?:\\.\\d+)+', weight: 1 },
  { re: 'rolled back|rollback|roll back', weight: 0.8 },
  { re: 'shipped', weight: 1.5 },
  {
    re: '(?:rollout|release|upgrade|deploy(?:ment)?|promotion) (?:process|pipeline|procedure|tooling)',
    weight: 3,
  },
];

export const MANUAL_OPERATION: readonly LexiconPhrase[] = [
  // A step of a procedure left out by whoever ran it: "the operator re-ran only the restart".
  {
    re: "(?:the |an )?(?:operator|engineer|on-?call|admin\\w*|team member) (?:re-?ran|forgot|skipped|missed|did not re-?run|didn't re-?run)",
    weight: 3.5,
  },
  // How other teams narrate a manual step: "runbook step", "ran the script against production".
  {
    re: '(?:started|ran|followed|executed|was running) (?:the |a )?(?:playbook|runbook|procedure|manual step)s?',
    weight: 2.5,
  },
  {
    re: '(?:command|argument|input|parameter|value) (?:was |had been )?(?:entered|typed|mistyped|pasted)',
    weight: 3,
  },
  {
    re: 'runbook step|step \\d+ of the runbook|(?:skipped|missed) (?:a |the )?(?:step|check)',
    weight: 2.5,
  },
  {
    re: '(?:ran|run|executed|applied) (?:the |a |an )?(?:\\w+ )?(?:script|command|query|playbook|migration|job) (?:against|on|in) (?:the )?(?:production|prod|live)',
    weight: 3.5,
  },
  {
    re: '(?:against|on) the wrong (?:\\w+ )?(?:host|cluster|bucket|database|environment|account|region)',
    weight: 3,
  },
  { re: '(?:engineer|operator|administrator|technician)s? (?:error|mistake)', weight: 3 },
  { re: 'manual(?:ly)?', weight: 2 },
  { re: 'by hand', weight: 2.5 },
  {
    re: '(?:an )?(?:engineer|operator|administrator|admin|on-?call|team member|sre|dba) (?:ran|typed|executed|deleted|removed|ran a|issued|ran the|dropped|restarted|applied)',
    weight: 3.5,
  },
  { re: 'human error|operator error', weight: 4 },
  // A command run in the wrong context: "a shell whose Terraform workspace was still set to prod-network".
  {
    re: '(?:workspace|context|kube-?context|profile|shell|session|terminal) (?:was )?still (?:set|pointed|pointing) (?:to|at)|(?:ran|run|executed) against (?:the )?(?:production|prod|live)\\b|terraform destroy|kubectl delete',
    weight: 3.5,
  },
  { re: 'one-off|ad[- ]hoc', weight: 2.5 },
  {
    re: 'accidental(?:ly)?|by mistake|mistaken(?:ly)?|inadvertent(?:ly)?|unintentional(?:ly)?',
    weight: 2.5,
  },
  {
    re: 'wrong (?:host|server|cluster|environment|database|account|region|terminal|tab)',
    weight: 3,
  },
  { re: 'intended for (?:staging|test|dev\\w*)|meant for (?:staging|test|dev\\w*)', weight: 3 },
  {
    re: '(?:ran|executed|run) (?:a|the|an) (?:command|script|query|cleanup|migration)',
    weight: 2.5,
  },
  { re: 'maintenance (?:script|task|job|window|procedure)', weight: 2 },
  { re: 'scripts?', weight: 1 },
  { re: 'fat[- ]finger\\w*|typed', weight: 2.5 },
  { re: 'runbook', weight: 1 },
  { re: '(?:production|prod) (?:shell|console)', weight: 2 },
  { re: 'console', weight: 0.5 },
  {
    re: '(?:shell|context|kubeconfig|terminal) (?:was )?(?:pointed|pointing|set) (?:at|to)',
    weight: 3.5,
  },
  { re: 'cleanup|clean-up', weight: 1 },
];
