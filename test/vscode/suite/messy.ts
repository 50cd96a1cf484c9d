/** A postmortem with one finding of each fixable kind (status, severity, category, empty services, timeline order). */
export const MESSY = `---
title: Cache flush broke checkout
date: 2024-07-01
status: drafted
severity: sev-2
root_cause: config-chnage
services: []
---

# Cache flush broke checkout

## Summary

A cache flush sent every request to the database.

## Impact

Checkout failed for 12 minutes.

## Timeline

- 10:00 Cache flush starts.
- 10:12 Errors stop.
- 10:02 Error alert fires.

## Root Cause

The flush script had no rate limit.

## Resolution

The flush was stopped.

## Action Items

- [ ] Rate-limit the flush script due:2099-01-01 #prevent

## Lessons Learned

Flushes need a limit.
`;
