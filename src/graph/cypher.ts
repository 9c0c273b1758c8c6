/** A Cypher statement of constant shape and the values it needs: values are always parameters. */
export interface CypherQuery {
  cypher: string;
  params: Record<string, unknown>;
}
