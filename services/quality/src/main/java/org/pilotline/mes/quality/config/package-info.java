/** Typed configuration of the quality service beyond the settings every service shares ({@code MesConfig} in the kit). */
package org.pilotline.mes.quality.config;
