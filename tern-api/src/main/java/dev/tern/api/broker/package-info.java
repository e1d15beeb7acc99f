/**
 * The broker as its adapters see it: open sessions, publish without one.
 *
 * <p>Owns: the entry point every protocol gateway, the HTTP API and the rules engine call. May not touch: how routing
 * or storage work (tern-core implements it).
 */
package dev.tern.api.broker;
