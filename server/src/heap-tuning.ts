import { setFlagsFromString } from 'node:v8';

/**
 * Imported first by the server's entry point, before anything allocates. When the objects made at one place in the
 * code are often still alive at a scavenge, V8 starts allocating that place's objects straight in the old
 * generation. Under load the rows, strings and buffers of the requests in flight at each scavenge are alive, so
 * every later request's rows went to the old generation, to die there as garbage that only a full mark-compact
 * reclaims. With this off they die young: on a contended machine the reads cost 10-27 % less CPU, on an idle one
 * 0-4 % (docs/perf.md, "Garbage collection").
 */
setFlagsFromString('--no-allocation-site-pretenuring');
