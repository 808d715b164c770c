/**
 * The Java API for starting and steering lifecycles from code: what the CLI, the REST API and a
 * user's own program call. Talks to Temporal for runs and to the registry for listings.
 */
package dev.promoter.client;
