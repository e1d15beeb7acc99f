/**
 * Time for the core: a clock to read and a scheduler for timers (will delay, session and message expiry, $SYS), both
 * injected so that tests drive them by hand.
 *
 * <p>Owns: the timer seam. May not touch: sessions or routing.
 */
package dev.tern.core.time;
