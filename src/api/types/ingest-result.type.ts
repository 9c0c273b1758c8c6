import { Field, Int, ObjectType } from "type-graphql";

@ObjectType("IngestResult", {
  simpleResolvers: true,
  description: "What ingestDocument wrote",
})
export class IngestResultType {
  @Field(() => String) documentKey!: string;
  @Field(() => String) sourceName!: string;
  @Field(() => String, {
    description: "created | upgraded (was a stub) | replaced (new version) | unchanged",
  })
  status!: string;
  @Field(() => Int) tasks!: number;
  @Field(() => Int) citations!: number;
  @Field(() => Int) namedReferences!: number;
  @Field(() => Int) targets!: number;
  @Field(() => Int) assignments!: number;
  @Field(() => Int) stubsCreated!: number;
  @Field(() => Int) linkedByUniqueSymbol!: number;
  @Field(() => [String]) warnings!: string[];
}
