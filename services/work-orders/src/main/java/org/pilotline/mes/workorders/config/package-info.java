/** Typed configuration of the work-orders service beyond the settings every service shares ({@code MesConfig} in the kit). */
package org.pilotline.mes.workorders.config;
