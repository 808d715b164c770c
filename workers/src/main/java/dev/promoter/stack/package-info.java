/**
 * The stack Promoter runs on: Temporal, Postgres and the artifact store, either embedded in this
 * process ({@code dev} mode: the Temporal Java test server on a port, zonky's embedded Postgres
 * with its data under the home folder) or external ({@code production}: addresses from the
 * environment). Nothing else in the application knows which.
 */
package dev.promoter.stack;
