import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { ApiContext } from "../context.js";
import { organizationService } from "../services/organization.service.js";
import type { OrganizationRecord } from "../services/graph-records.js";
import {
  IssuedDocumentConnectionType,
  OrganizationAssignmentConnectionType,
  OrganizationConnectionType,
} from "../types/organization-connection.type.js";
import {
  OrganizationAssignmentsArgs,
  OrganizationChildrenArgs,
  OrganizationLookupArgs,
  OrganizationsArgs,
  OrganizationType,
} from "../types/organization.type.js";
import { PageArgs } from "../types/arguments.args.js";

@Resolver(() => OrganizationType)
export class OrganizationResolver {
  @Query(() => OrganizationType, {
    nullable: true,
    description: "An organization by its key (uy-ban-nhan-dan-tinh-quang-ninh); null when the graph has none",
  })
  organization(@Args(() => OrganizationLookupArgs) args: OrganizationLookupArgs, @Ctx() ctx: ApiContext) {
    return organizationService.organization(ctx, args.key);
  }

  @Query(() => OrganizationConnectionType, {
    description:
      "Organizations by key, optionally those whose key, name or a printed name holds every word of search (with or without diacritics), or of one province",
  })
  organizations(@Args(() => OrganizationsArgs) args: OrganizationsArgs, @Ctx() ctx: ApiContext) {
    return organizationService.organizations(ctx, args);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The province (or centrally-run city) it belongs to, when known, e.g. Quảng Ninh",
  })
  async province(@Root() org: OrganizationRecord, @Ctx() ctx: ApiContext): Promise<string | null> {
    return (await organizationService.details(ctx, org.key))?.province ?? null;
  }

  @FieldResolver(() => [String], {
    description:
      "Other names it was given: its names as printed where they differ from its name (short names such as UBND tỉnh, OCR-damaged spellings as the text printed them), and names of the same body (Ban Chấp hành Đảng bộ tỉnh …)",
  })
  async aliases(@Root() org: OrganizationRecord, @Ctx() ctx: ApiContext): Promise<string[]> {
    return (await organizationService.details(ctx, org.key))?.aliases ?? [];
  }

  @FieldResolver(() => OrganizationType, {
    nullable: true,
    description:
      "The body it is part of (PART_OF): a provincial department's People's Committee, a Tỉnh ủy board's Tỉnh ủy, a ministry's Government; null when none is known",
  })
  parent(@Root() org: OrganizationRecord, @Ctx() ctx: ApiContext) {
    return organizationService.parent(ctx, org.key);
  }

  @FieldResolver(() => [OrganizationType], { description: "The bodies part of it, by key" })
  children(
    @Root() org: OrganizationRecord,
    @Args(() => OrganizationChildrenArgs) args: OrganizationChildrenArgs,
    @Ctx() ctx: ApiContext,
  ) {
    return organizationService.children(ctx, org.key, args.first);
  }

  @FieldResolver(() => IssuedDocumentConnectionType, {
    description: "The documents it issued (ISSUED_BY), newest first (undated last), then key",
  })
  documentsIssued(
    @Root() org: OrganizationRecord,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: ApiContext,
  ) {
    return organizationService.documentsIssued(ctx, org.key, args);
  }

  @FieldResolver(() => OrganizationAssignmentConnectionType, {
    description:
      "The tasks assigned to it, each with its task, duty, deadlines, quote and span: by due date (none last), then the document's date, then text order; due keeps those with a deadline in the range",
  })
  assignments(
    @Root() org: OrganizationRecord,
    @Args(() => OrganizationAssignmentsArgs) args: OrganizationAssignmentsArgs,
    @Ctx() ctx: ApiContext,
  ) {
    return organizationService.assignments(ctx, org.key, args);
  }
}
