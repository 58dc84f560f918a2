package org.pilotline.mes.contracts.rest;

/** Why something may not go on: a stable code a program can act on and a sentence a person can read. */
public record Reason(String code, String detail) {
}
