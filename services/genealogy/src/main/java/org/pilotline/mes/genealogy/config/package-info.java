/** Typed configuration of the genealogy service beyond the settings every service shares ({@code MesConfig} in the kit). */
package org.pilotline.mes.genealogy.config;
