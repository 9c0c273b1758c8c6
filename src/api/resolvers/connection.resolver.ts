import { FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { Page } from "../services/page.js";
import {
  CitationConnectionType,
  DocumentConnectionType,
  SearchConnectionType,
  TaskConnectionType,
  DrivingDirectiveConnectionType,
} from "../types/connection.type.js";

const totalCountDescription = "Every match, not only this page (counted only when selected)";

/** totalCount is filled by the connection's own query when the selection asks for it. */
function total(page: Page<unknown>): number {
  return page.totalCount ?? 0;
}

@Resolver(() => DocumentConnectionType)
export class DocumentConnectionResolver {
  @FieldResolver(() => Int, { description: totalCountDescription })
  totalCount(@Root() page: Page<unknown>): number {
    return total(page);
  }
}

@Resolver(() => CitationConnectionType)
export class CitationConnectionResolver {
  @FieldResolver(() => Int, { description: totalCountDescription })
  totalCount(@Root() page: Page<unknown>): number {
    return total(page);
  }
}

@Resolver(() => TaskConnectionType)
export class TaskConnectionResolver {
  @FieldResolver(() => Int, { description: totalCountDescription })
  totalCount(@Root() page: Page<unknown>): number {
    return total(page);
  }
}

@Resolver(() => SearchConnectionType)
export class SearchConnectionResolver {
  @FieldResolver(() => Int, { description: totalCountDescription })
  totalCount(@Root() page: Page<unknown>): number {
    return total(page);
  }
}

@Resolver(() => DrivingDirectiveConnectionType)
export class DrivingDirectiveConnectionResolver {
  @FieldResolver(() => Int, { description: totalCountDescription })
  totalCount(@Root() page: Page<unknown>): number {
    return total(page);
  }
}
