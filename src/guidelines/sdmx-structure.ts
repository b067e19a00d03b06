/**
 * The SDMX-JSON 2.0.0 structure message of the harmonised dataset (SDMX 3.0 information model):
 * the dataflow, its data structure definition, the concept scheme of its components and every
 * code list they take their values from, all derived from `guidelines/dsd/DSD_DIGITAL.json`, the
 * code lists of the guideline and the indicator catalogue.
 * @module
 */
import { loadCatalogue } from './catalogue.js';
import { loadCodeList } from './codelists.js';
import { INDICATOR_CODELIST } from './dsd.js';
import type { DataStructureDefinition } from './generated/dsd.js';

type Json = Record<string, unknown>;

/** Schema of SDMX-JSON 2.0.0 structure messages (the `meta.schema` of the message). */
export const SDMX_JSON_STRUCTURE_SCHEMA =
  'https://raw.githubusercontent.com/sdmx-twg/sdmx-json/master/structure-message/tools/schemas/2.0.0/sdmx-json-structure-schema.json';

const URN = 'urn:sdmx:org.sdmx.infomodel';
/** SDMX versions are `X.Y` or `X.Y.Z`: the guideline's `1.0.0` is kept as it is. */
const urn = (cls: string, agency: string, id: string, version: string, item?: string): string =>
  `${URN}.${cls}=${agency}:${id}(${version})${item ? `.${item}` : ''}`;

interface Codelist {
  id: string;
  version: string;
  name: string;
  description?: string;
  codes: { id: string; name: string; description?: string; parent?: string; sdmx?: string }[];
}

function codelistOf(id: string): Codelist {
  if (id === INDICATOR_CODELIST) {
    const cat = loadCatalogue();
    return {
      id,
      version: cat.version,
      name: 'Indicators of the ASEAN digital-economy catalogue',
      codes: cat.indicators.map((i) => ({ id: i.code, name: i.name })),
    };
  }
  const cl = loadCodeList(id);
  return {
    id: cl.id,
    version: cl.version,
    name: cl.name,
    ...(cl.description ? { description: cl.description } : {}),
    codes: cl.codes.map((c) => ({
      id: c.id,
      name: c.name,
      ...(c.description ? { description: c.description } : {}),
      ...(c.parent ? { parent: c.parent } : {}),
      ...(c.sdmx ? { sdmx: c.sdmx } : {}),
    })),
  };
}

function codelistJson(agency: string, cl: Codelist): Json {
  return {
    id: cl.id,
    version: cl.version,
    agencyID: agency,
    isExternalReference: false,
    name: cl.name,
    names: { en: cl.name },
    ...(cl.description ? { description: cl.description, descriptions: { en: cl.description } } : {}),
    links: [{ rel: 'self', urn: urn('codelist.Codelist', agency, cl.id, cl.version), type: 'codelist' }],
    codes: cl.codes.map((c) => ({
      id: c.id,
      name: c.name,
      names: { en: c.name },
      ...(c.description ? { description: c.description, descriptions: { en: c.description } } : {}),
      ...(c.parent ? { parent: c.parent } : {}),
      // the standard SDMX code of a unit (CL_UNIT_MEASURE), for the reader of the message
      ...(c.sdmx ? { annotations: [{ type: 'SDMX_UNIT_MEASURE', title: c.sdmx, text: `standard SDMX code of ${c.id}` }] } : {}),
    })),
  };
}

/** The concept scheme `<agency>:CS_<DSD id without DSD_>`: one concept per component of the DSD. */
function conceptScheme(d: DataStructureDefinition, csId: string): Json {
  const comps = [...d.dimensions, d.measure, ...d.attributes];
  return {
    id: csId,
    version: d.version,
    agencyID: d.agency,
    isExternalReference: false,
    name: `Concepts of ${d.name}`,
    names: { en: `Concepts of ${d.name}` },
    links: [{ rel: 'self', urn: urn('conceptscheme.ConceptScheme', d.agency, csId, d.version), type: 'conceptscheme' }],
    concepts: comps.map((c) => ({
      id: c.id,
      name: c.name,
      names: { en: c.name },
      ...(c.description ? { description: c.description, descriptions: { en: c.description } } : {}),
    })),
  };
}

function dataStructure(d: DataStructureDefinition, csId: string, clVersion: (id: string) => string): Json {
  const concept = (id: string): string => urn('conceptscheme.Concept', d.agency, csId, d.version, id);
  const enumeration = (cl: string): Json => ({ enumeration: urn('codelist.Codelist', d.agency, cl, clVersion(cl)) });
  const dims = d.dimensions.filter((c) => c.role !== 'time');
  const time = d.dimensions.find((c) => c.role === 'time')!;
  const nonTime = dims.map((c) => c.id);
  return {
    id: d.id,
    version: d.version,
    agencyID: d.agency,
    isExternalReference: false,
    name: d.name,
    names: { en: d.name },
    ...(d.description ? { description: d.description, descriptions: { en: d.description } } : {}),
    links: [{ rel: 'self', urn: urn('datastructure.DataStructure', d.agency, d.id, d.version), type: 'datastructure' }],
    dataStructureComponents: {
      dimensionList: {
        id: 'DimensionDescriptor',
        dimensions: dims.map((c, i) => ({
          id: c.id,
          position: i,
          conceptIdentity: concept(c.id),
          localRepresentation: enumeration(c.codelist!),
        })),
        timeDimension: {
          id: 'TIME_PERIOD',
          conceptIdentity: concept(time.id),
          localRepresentation: { format: { dataType: 'ObservationalTimePeriod' } },
        },
      },
      measureList: {
        id: 'MeasureDescriptor',
        measures: [
          {
            id: d.measure.id,
            usage: 'optional',
            conceptIdentity: concept(d.measure.id),
            localRepresentation: { format: { dataType: 'Double' } },
          },
        ],
      },
      attributeList: {
        id: 'AttributeDescriptor',
        attributes: d.attributes.map((a) => ({
          id: a.id,
          usage: a.required ? 'mandatory' : 'optional',
          attributeRelationship: { dimensions: [...nonTime, 'TIME_PERIOD'] },
          conceptIdentity: concept(a.id),
          localRepresentation: a.codelist
            ? { ...enumeration(a.codelist), ...(a.multiValued ? { minOccurs: 0, maxOccurs: 'unbounded' } : {}) }
            : { format: { dataType: a.type === 'integer' ? 'Integer' : a.type === 'date' ? 'GregorianDay' : 'String' } },
        })),
      },
    },
  };
}

/**
 * The structure message of the dataflow: `meta` (schema, id, prepared date of the DSD, sender)
 * and `data` with the dataflow, the data structure, the concept scheme and the code lists in the
 * order the components use them. Deterministic: the same guideline gives the same message.
 * @param d the data structure definition
 */
export function structureMessage(d: DataStructureDefinition): Json {
  const csId = `CS_${d.id.replace(/^DSD_/, '')}`;
  const ids = [...new Set([...d.dimensions, ...d.attributes].map((c) => c.codelist).filter((c): c is string => c !== undefined))];
  const lists = ids.map(codelistOf);
  const version = new Map(lists.map((l) => [l.id, l.version]));
  const flowUrn = urn('datastructure.Dataflow', d.agency, d.dataflow.id, d.dataflow.version);
  return {
    meta: {
      schema: SDMX_JSON_STRUCTURE_SCHEMA,
      id: `${d.agency}_${d.dataflow.id}_${d.dataflow.version.replace(/\./g, '_')}`,
      test: false,
      prepared: `${d.date}T00:00:00Z`,
      contentLanguages: ['en'],
      sender: { id: d.agency },
    },
    data: {
      dataflows: [
        {
          id: d.dataflow.id,
          version: d.dataflow.version,
          agencyID: d.agency,
          isExternalReference: false,
          name: d.dataflow.name,
          names: { en: d.dataflow.name },
          ...(d.dataflow.description ? { description: d.dataflow.description, descriptions: { en: d.dataflow.description } } : {}),
          links: [{ rel: 'self', urn: flowUrn, type: 'dataflow' }],
          structure: urn('datastructure.DataStructure', d.agency, d.id, d.version),
        },
      ],
      dataStructures: [dataStructure(d, csId, (id) => version.get(id)!)],
      conceptSchemes: [conceptScheme(d, csId)],
      codelists: lists.map((l) => codelistJson(d.agency, l)),
    },
  };
}
