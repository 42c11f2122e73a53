/**
 * The analytics projection as a whole: the one transaction in which an event reaches each
 * of its parts (the statistics' counters, the metrics' facts), the consumer groups that
 * feed it, and its rebuild from the first offset of the domain topics beside the live
 * copy, which it replaces atomically once caught up.
 */
package io.claimport.analytics.projection;
