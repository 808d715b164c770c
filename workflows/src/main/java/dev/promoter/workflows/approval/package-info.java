/**
 * The approval rule: who may decide on a staged version, and when. Pure code with no clock of
 * its own, so the Temporal validator (workflow time), the registry's decision path (database
 * time) and the application services (wall time) apply the very same rule.
 */
package dev.promoter.workflows.approval;
