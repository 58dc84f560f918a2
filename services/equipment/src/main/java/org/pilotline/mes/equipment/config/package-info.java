/** Typed configuration of the equipment service beyond the settings every service shares ({@code MesConfig} in the kit). */
package org.pilotline.mes.equipment.config;
