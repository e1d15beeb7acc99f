/**
 * Counters of what the broker does and the {@code $SYS} topics that publish them with Mosquitto's names.
 *
 * <p>Owns: counting and the periodic $SYS publication. May not touch: sessions' state (it reads counters and sizes).
 */
package dev.tern.core.sys;
