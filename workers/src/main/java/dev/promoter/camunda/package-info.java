/**
 * Camunda 8 as a second engine: the connection (a cluster, or the dev stack's embedded Zeebe),
 * the lifecycle adapter the services use, and the job workers of this process's pools.
 */
package dev.promoter.camunda;
