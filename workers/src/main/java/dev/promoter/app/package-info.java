/** The Spring Boot application that hosts the stack, the worker pools and the REST API. */
package dev.promoter.app;
