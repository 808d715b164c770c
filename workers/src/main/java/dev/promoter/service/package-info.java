/**
 * The application layer: one set of services under every front door (CLI, REST API, web UI,
 * Temporal activities, Zeebe job workers, schedules). Request building, validation, roles and the
 * error kinds live here once; front doors only translate: {@link dev.promoter.service.ErrorKind}
 * to an exit code or an HTTP status.
 */
package dev.promoter.service;
