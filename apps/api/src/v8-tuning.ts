import { setFlagsFromString } from 'node:v8';

/*
 * Imported first by main.ts, before any other module allocates: V8 flags read at allocation
 * time must be set before the sites they govern are created.
 *
 * No allocation-site pretenuring. V8 moves an object-literal site's allocations straight to old
 * space once most of its objects have outlived a scavenge. A site on the HTTP path gets that
 * verdict after a couple of hundred writes through the API (reads do not do it: a write's
 * request outlives scavenges while it waits for its read-your-writes position), and from then on
 * every gateway request's objects are kept past scavenges until the next full collection.
 * Measured on resolve after 200 key creations: scavenges of 6 ms instead of 1, a mark-compact
 * every second instead of two in a run, about a quarter of the throughput and half the p99 lost
 * (README, Benchmarks). Pretenuring pays for bulk long-lived literals, which this service builds
 * only at start.
 */
setFlagsFromString('--no-allocation-site-pretenuring');
