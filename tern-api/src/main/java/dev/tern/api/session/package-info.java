/**
 * Sessions as protocol adapters see them: the request that opens one, the handle a connection drives it with, and the
 * {@link dev.tern.api.session.Outlet} through which the core hands messages back to the connection.
 *
 * <p>Owns: the contract between a protocol channel and the core. May not touch: wire formats, Netty, storage.
 */
package dev.tern.api.session;
