/** Rolling an alias back to its previous holder, by a user or by the lifecycle itself. */
package dev.promoter.workflows.rollback;
