/**
 * End-to-end tests of the listeners: TLS and mutual TLS with mosquitto clients, the PROXY protocol with hand-written
 * headers, several listeners at once. Certificates are made by the tests with the openssl command line.
 */
package dev.tern.it.listeners;
