/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
};

/** What the graph holds right now */
export type GraphStats = {
  __typename?: 'GraphStats';
  citations: Scalars['Int']['output'];
  documents: Scalars['Int']['output'];
  ingestedDocuments: Scalars['Int']['output'];
  tasks: Scalars['Int']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** Counts of documents, tasks and citation links */
  stats: GraphStats;
  /** The running cancu version */
  version: Scalars['String']['output'];
};

export type GraphStatsQueryVariables = Exact<{ [key: string]: never; }>;


export type GraphStatsQuery = { version: string, stats: { documents: number, ingestedDocuments: number, tasks: number, citations: number } };


export const GraphStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GraphStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documents"}},{"kind":"Field","name":{"kind":"Name","value":"ingestedDocuments"}},{"kind":"Field","name":{"kind":"Name","value":"tasks"}},{"kind":"Field","name":{"kind":"Name","value":"citations"}}]}}]}}]} as unknown as DocumentNode<GraphStatsQuery, GraphStatsQueryVariables>;