import type { EntityDefinition, EntityName } from '../api-types';
import { allocationImporter } from './allocation';
import { municipalityImporter } from './municipality';
import { newcomerForecastImporter } from './newcomer-forecast';
import { orgUnitImporter } from './org-unit';
import { pilotImporter } from './pilot';
import { positionImporter } from './position';
import { definitionOf, type EntityImporter } from './types';

/** Every entity a sheet can be imported into, in the order the wizard lists them. */
export const ENTITY_IMPORTERS: Record<EntityName, EntityImporter> = {
  municipality: municipalityImporter,
  pilot: pilotImporter,
  org_unit: orgUnitImporter,
  position: positionImporter,
  allocation: allocationImporter,
  newcomer_forecast: newcomerForecastImporter,
};

export function entityDefinitions(): EntityDefinition[] {
  return Object.values(ENTITY_IMPORTERS).map(definitionOf);
}

export function isEntityName(name: string): name is EntityName {
  return Object.hasOwn(ENTITY_IMPORTERS, name);
}
